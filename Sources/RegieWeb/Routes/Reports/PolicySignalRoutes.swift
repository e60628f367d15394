import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// The register of policy signals (issue 7, seed-000 requirement 62): gaps in provision, blocking rules, waiting
/// lists and other external causes seen in the work, raised by directors from a case or in the register and by
/// structural escalation decisions; counted per category and network for the municipality, whose policy officers
/// record its answer. Printable, and as CSV for Dutch Excel.
struct PolicySignalRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.get("policy-signals") { request, context in try await page(request, context) }
        routes.get("policy-signals.csv") { request, context in try await csv(request, context) }
        routes.post("policy-signals") { request, context in try await raise(request, context) }
        routes.post("policy-signals/:signal/answer") { request, context in try await answer(request, context) }
    }

    /// A form sent back with its problems: `target` is "new" or the id of the answered signal.
    struct Problem {
        let target: String
        let form: FormData
        let fields: [String: String]
    }

    /// The register as a user may see it: the networks in scope and their signals in the period.
    struct Register {
        let query: ReportQuery
        let networks: [Network]
        let current: Network?
        let register: PolicySignalRegister
    }

    private func load(_ request: Request, _ context: AppRequestContext) async throws -> Register {
        let (query, networks, current) = try await ReportQuery.resolve(
            request, context, app: app, feature: .policySignals, title: "policy_signals.title")
        let signals = try await PolicySignalStore.signals(in: networks.map(\.id), on: app.database.sql)
        return Register(
            query: query, networks: networks, current: current,
            register: PolicySignalRegister(signals, period: query.period))
    }

    /// The case a signal is raised from (`?case=` or the form's `case`), after the policy allowed `action` on it:
    /// seeing that the case exists to show the form, deciding on it to raise the signal (it goes on the timeline).
    private func origin(_ value: String?, _ action: AccessAction, _ context: AppRequestContext) async throws
        -> AccessGrant?
    {
        guard let value, !value.isEmpty else { return nil }
        guard UUID(uuidString: value) != nil else { throw HTTPError(.notFound, message: "error.not_found") }
        return try await CaseService(app: app).grant(action, context, household: HouseholdID(rawValue: value))
    }

    private func page(
        _ request: Request, _ context: AppRequestContext, problem: Problem? = nil
    ) async throws -> Response {
        let loaded = try await load(request, context)
        let origin = try await origin(
            problem?.form.value("case") ?? request.uri.queryParameters["case"].map(String.init), .viewProcess, context)
        var reference: String?
        if let origin {
            reference = try await HouseholdStore.reference(of: origin.context.household, on: app.database.sql)
        }
        let view = PolicySignalView(
            app: app, context: context, loaded: loaded, origin: origin, originReference: reference, problem: problem)
        return app.views.render(
            "policy_signals",
            page: try await app.page(
                "policy_signals.title", context, notice: request.uri.queryParameters["notice"].map(String.init)),
            values: view.values(), status: problem == nil && loaded.query.problems.isEmpty ? .ok : .unprocessableContent
        )
    }

    private func csv(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let loaded = try await load(request, context)
        let t = { (key: String) in app.views.translations.text(key, context.locale) }
        let names = Dictionary(uniqueKeysWithValues: loaded.networks.map { ($0.id, $0.name) })
        let header = ["raised_on", "network", "category", "source", "description", "answer", "answered_on", "note"]
            .map { t("policy_signals.column_\($0)") }
        let rows = loaded.register.signals.map { signal in
            [
                signal.raisedOn.dutch, names[signal.network] ?? "", t(signal.category.textKey),
                t("policy_signal.source.\(signal.source.rawValue)"), signal.description,
                t(signal.response?.answer.textKey ?? "policy_signal.answer.none"), signal.response?.on.dutch ?? "",
                signal.response?.note ?? "",
            ]
        }
        let name = "beleidssignalen-\(loaded.query.period.from.dutch)-\(loaded.query.period.to.dutch).csv"
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\"",
            ],
            body: .init(byteBuffer: ByteBuffer(string: DutchCSV.document(header: header, rows: rows))))
    }

    private func raise(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        let form = try await app.form(request, context)
        let origin = try await origin(form.value("case"), .decide, context)
        let page = try await app.page("policy_signals.title", context)
        guard let network = origin?.context.network ?? app.currentNetwork(context, among: page.networks)?.id,
            AccessPolicy.mayUse(.raisePolicySignal, roles: user.actor.roles(in: network))
        else { throw HTTPError(.forbidden, message: "error.forbidden") }
        let category = form.value("category") ?? ""
        let description = form.value("description") ?? ""
        let problems = PolicySignal.problems(category: category, description: description)
        guard problems.isEmpty, let category = PolicySignal.Category(rawValue: category) else {
            return try await self.page(request, context, problem: Problem(target: "new", form: form, fields: problems))
        }
        let label = app.views.translations.text(category.textKey, "nl")
        let id = try await app.database.write { db in
            if let origin {
                try await TimelineStore.append(
                    "policy_signal.raised", summary: "Beleidssignaal gemeld: \(label)",
                    recording: ["category": category.rawValue], by: origin, on: db)
            }
            return try await PolicySignalStore.raise(
                .init(
                    category: category, description: description, source: origin == nil ? .register : .caseWork,
                    sourceID: origin?.context.household.rawValue ?? "", household: origin?.context.household),
                in: network, by: user.account.id, on: db)
        }
        return .redirect(to: "/policy-signals?notice=notice.policy_signal_raised#signal-\(id)", type: .found)
    }

    private func answer(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        let signal = try context.parameters.require("signal")
        let page = try await app.page("policy_signals.title", context)
        let networks = page.networks.filter {
            AccessPolicy.mayUse(.answerPolicySignal, roles: user.actor.roles(in: $0.id))
        }
        guard !networks.isEmpty else { throw HTTPError(.forbidden, message: "error.forbidden") }
        let form = try await app.form(request, context)
        var problems: [String: String] = [:]
        let answer = PolicySignal.Answer(rawValue: form.value("answer") ?? "")
        if answer == nil { problems["answer"] = "error.invalid_choice" }
        let day = Day(form.value("answered_on") ?? "")
        if day == nil { problems["answeredOn"] = "error.date_invalid" }
        if let day, day > Day(Date()) { problems["answeredOn"] = "error.date_future" }
        let note = form.value("note") ?? ""
        if answer == .declined && note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems["note"] = "error.policy_signal_declined_reason"
        }
        guard problems.isEmpty, let answer, let day else {
            return try await self.page(request, context, problem: Problem(target: signal, form: form, fields: problems))
        }
        do {
            try await app.database.write { db in
                try await PolicySignalStore.respond(
                    signal, in: networks.map(\.id), answer: answer, note: note, on: day, by: user.account.id, on: db)
            }
        } catch StoreError.notFound {
            throw HTTPError(.notFound, message: "error.not_found")
        }
        let back = ReportQuery(request).string
        return .redirect(
            to: "/policy-signals?\(back)&notice=notice.policy_signal_answered#signal-\(signal)", type: .found)
    }
}
