import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// Step 3 from the director's side (asking partners, home visits, the coordination decision) and from the
/// partner's side (the inbox where each organisation answers "is this household known to you?").
struct InformationRoundRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.post("signals/:id/information-round") { request, context in try await start(request, context) }
        routes.post("signals/:id/home-visit") { request, context in try await visit(request, context) }
        routes.post("signals/:id/coordination") { request, context in try await coordinate(request, context) }
        routes.get("inbox") { request, context in try await inbox(request, context) }
        routes.post("inbox/:request") { request, context in try await answer(request, context) }
    }

    private func decideGrant(_ context: AppRequestContext) async throws -> (id: String, grant: AccessGrant) {
        let id = try context.parameters.require("id")
        guard let user = context.identity,
            let household = try await SignalStore.household(ofSignal: id, on: app.database.sql)
        else { throw HTTPError(.notFound, message: "error.not_found") }
        let grant = try await AccessGuard.authorize(
            user.actor, .decide, household: household,
            requestID: context.requestID, database: app.database)
        return (id, grant)
    }

    private func start(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (id, grant) = try await decideGrant(context)
        let form = try await app.form(request, context)
        let chosen = form.all("organisation").compactMap(OrganisationID.init(validating:))
        let members = Set(
            try await NetworkStore.members(of: grant.context.network, on: app.database.sql).map(\.organisation))
        guard !chosen.isEmpty, chosen.allSatisfy(members.contains) else {
            return try await TriageRoutes(app: app).detailPage(
                context, notice: nil, problems: ["organisations": "error.information_choose"])
        }
        guard grant.context.phase == .informationRound else {
            return try await TriageRoutes(app: app).detailPage(
                context, notice: nil, problems: ["organisations": "error.information_not_now"])
        }
        let due = try await dueDay(network: grant.context.network)
        try await app.database.write { db in
            try await InformationRoundStore.start(organisations: chosen, dueOn: due, grant: grant, on: db)
        }
        return .redirect(to: "/signals/\(id)?notice=notice.information_started", type: .found)
    }

    /// The answer deadline from the profile's norm, counted from today.
    private func dueDay(network: NetworkID) async throws -> Day {
        let profile = try await NetworkStore.find(network, on: app.database.sql)
            .flatMap { app.profiles.profile(code: $0.profileCode) }
        let norm = profile?.norms.informationRoundAnswer ?? NormPeriod(5, .workingDays)
        return norm.dueDay(from: Day(Date()), calendar: app.calendar)
    }

    private func visit(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (id, grant) = try await decideGrant(context)
        let form = try await app.form(request, context)
        let day = Day(form.value("visited_on") ?? "")
        let visit = HomeVisit(
            visitedOn: day ?? Day(Date()), visitors: form.value("visitors") ?? "",
            roleDivision: form.value("role_division") ?? "", reason: form.value("visit_reason") ?? "",
            outcome: form.value("visit_outcome") ?? "", letIn: form.value("let_in") == "yes")
        var problems = visit.problems(today: Day(Date()))
        if day == nil { problems["visitedOn"] = "error.date_invalid" }
        guard problems.isEmpty else {
            return try await TriageRoutes(app: app).detailPage(context, notice: nil, form: form, problems: problems)
        }
        try await app.database.write { db in try await InformationRoundStore.recordVisit(visit, grant: grant, on: db) }
        return .redirect(to: "/signals/\(id)?notice=notice.visit_recorded", type: .found)
    }

    private func coordinate(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (id, grant) = try await decideGrant(context)
        let form = try await app.form(request, context)
        guard let outcome = CoordinationDecision.Outcome(rawValue: form.value("coordination") ?? "") else {
            return try await TriageRoutes(app: app).detailPage(
                context, notice: nil, form: form, problems: ["coordination": "error.invalid_choice"])
        }
        let decision = CoordinationDecision(
            outcome: outcome, referredTo: form.value("coordination_referred_to") ?? "",
            reason: form.value("coordination_reason") ?? "")
        var problems = decision.problems
        if grant.context.phase != .informationRound { problems["coordination"] = "error.information_not_now" }
        guard problems.isEmpty else {
            return try await TriageRoutes(app: app).detailPage(context, notice: nil, form: form, problems: problems)
        }
        try await app.database.write { db in try await InformationRoundStore.decide(decision, grant: grant, on: db) }
        return .redirect(to: "/signals/\(id)?notice=notice.coordination_recorded", type: .found)
    }

    private func inbox(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        let t = app.views.translations
        var items: [[String: Any]] = []
        for network in user.actor.networks where user.actor.roles(in: network).contains(.partnerWorker) {
            for household in try await InformationRoundStore.households(
                askingOrganisation: user.account.organisation, in: network, on: app.database.sql)
            {
                // Only households still in their information round: after it the round's access ends.
                guard
                    try await HouseholdStore.accessContext(household, on: app.database.sql)?.phase
                        == .informationRound
                else { continue }
                let grant = try await AccessGuard.authorize(
                    user.actor, .viewIntake, household: household,
                    requestID: context.requestID, database: app.database)
                items += try await InboxView(app: app, locale: context.locale).items(grant: grant, t: t)
            }
        }
        return app.views.render(
            "inbox",
            page: try await app.page(
                "inbox.title", context, notice: request.uri.queryParameters["notice"].map(String.init)),
            values: ["items": items, "hasItems": !items.isEmpty])
    }

    private func answer(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        let requestID = try context.parameters.require("request")
        guard let household = try await InformationRoundStore.household(ofRequest: requestID, on: app.database.sql)
        else { throw HTTPError(.notFound, message: "error.not_found") }
        let form = try await app.form(request, context)
        guard let known = form.value("known").map({ $0 == "yes" }), ["yes", "no"].contains(form.value("known") ?? "")
        else { throw HTTPError(.badRequest, message: "error.information_known") }
        let grant = try await AccessGuard.authorize(
            user.actor, .viewIntake, household: household,
            requestID: context.requestID, database: app.database)
        do {
            try await app.database.write { db in
                try await InformationRoundStore.answer(
                    requestID: requestID, known: known, shared: form.value("shared") ?? "", grant: grant, on: db)
            }
        } catch StoreError.notFound {
            throw HTTPError(.notFound, message: "error.not_found")
        }
        return .redirect(to: "/inbox?notice=notice.answer_sent", type: .found)
    }
}
