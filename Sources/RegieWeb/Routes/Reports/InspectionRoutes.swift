import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// The inspection self-assessment of the current network (issue 7): the five themes with their indicators, each ✓
/// or ✗ with its evidence — computed from the figures, or the network's recorded answer with date and document —
/// printable for an inspection visit. Network directors record the answers.
struct InspectionRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.get("inspection") { request, context in
            try await page(request, context, notice: request.uri.queryParameters["notice"].map(String.init))
        }
        routes.post("inspection/:indicator") { request, context in try await answer(request, context) }
    }

    /// The current network, when the user may use `feature` there.
    private func network(_ context: AppRequestContext, _ feature: NetworkFeature) async throws -> Network {
        let page = try await app.page("inspection.title", context)
        guard let user = context.identity, let network = app.currentNetwork(context, among: page.networks),
            AccessPolicy.mayUse(feature, roles: user.actor.roles(in: network.id))
        else { throw HTTPError(.forbidden, message: "error.forbidden") }
        return network
    }

    private func page(
        _ request: Request, _ context: AppRequestContext, notice: String? = nil, form: FormData? = nil,
        problem: (indicator: String, fields: [String: String])? = nil
    ) async throws -> Response {
        let network = try await network(context, .inspection)
        let query = request.uri.queryParameters
        let fallback = ReportPeriod.lastYear(until: Day(Date()))
        let period = ReportPeriod(
            from: query["from"].flatMap { Day(String($0)) } ?? fallback.from,
            to: query["to"].flatMap { Day(String($0)) } ?? fallback.to)
        let db = app.database.sql
        let profile = app.profiles.profile(for: network)
        let facts = try await app.figureFacts(in: [network], known: context.identity?.frame?.stamps ?? [:])
        let organisations = Dictionary(
            uniqueKeysWithValues: try await OrganisationStore.all(on: db).map { ($0.id, $0.kind) })
        let kinds = Set(
            try await NetworkStore.members(of: network.id, on: db).compactMap { organisations[$0.organisation] })
        let assessment = InspectionAssessment(
            facts: facts, period: period, partnerKinds: kinds,
            laddersArranged: profile.map { !$0.escalation.content.isEmpty && !$0.escalation.organisational.isEmpty }
                ?? false,
            answers: try await InspectionStore.answers(of: network.id, on: db))
        let mayAnswer = AccessPolicy.mayUse(
            .inspectionAnswers, roles: context.identity?.actor.roles(in: network.id) ?? [])
        let view = InspectionView(
            app: app, locale: context.locale, assessment: assessment, mayAnswer: mayAnswer, form: form, problem: problem
        )
        var values = view.values()
        values["network"] = network.name
        values["period"] = "\(period.from.dutch) – \(period.to.dutch)"
        values["printed"] = DutchFormat.moment(Date())
        return app.views.render(
            "inspection", page: try await app.page("inspection.title", context, notice: notice), values: values,
            status: problem == nil ? .ok : .unprocessableContent)
    }

    private func answer(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let network = try await network(context, .inspectionAnswers)
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        let key = try context.parameters.require("indicator")
        guard let indicator = InspectionFramework.indicator(key), indicator.source == .recorded else {
            throw HTTPError(.notFound, message: "error.not_found")
        }
        let form = try await app.form(request, context)
        var problems: [String: String] = [:]
        let met = form.value("met")
        if met != "yes" && met != "no" { problems["met"] = "error.invalid_choice" }
        let day = Day(form.value("answered_on") ?? "")
        if day == nil { problems["answeredOn"] = "error.date_invalid" }
        if let day, day > Day(Date()) { problems["answeredOn"] = "error.date_future" }
        let document = form.value("document") ?? ""
        if met == "yes" && document.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems["document"] = "error.inspection_document"
        }
        guard problems.isEmpty, let day else {
            return try await page(request, context, form: form, problem: (key, problems))
        }
        try await app.database.write { db in
            try await InspectionStore.record(
                .init(met: met == "yes", on: day, document: document, note: form.value("note") ?? ""), indicator: key,
                network: network.id, by: user.account.id, on: db)
        }
        return .redirect(to: "/inspection?notice=notice.inspection_recorded#\(key)", type: .found)
    }
}
