import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// The network director's view of one signal: what the decision needs, the crisis action and the
/// eligibility / triage decision (step 2).
struct TriageRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.get("signals/:id") { request, context in
            try await detailPage(context, notice: request.uri.queryParameters["notice"].map(String.init))
        }
        routes.post("signals/:id/crisis") { request, context in try await crisis(request, context) }
        routes.post("signals/:id/decision") { request, context in try await decide(request, context) }
    }

    private func signal(_ context: AppRequestContext) async throws -> (id: String, household: HouseholdID) {
        let id = try context.parameters.require("id")
        guard let household = try await SignalStore.household(ofSignal: id, on: app.database.sql) else {
            throw HTTPError(.notFound, message: "error.not_found")
        }
        return (id, household)
    }

    private func grant(_ action: AccessAction, _ context: AppRequestContext, _ household: HouseholdID) async throws
        -> AccessGrant
    {
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        return try await AccessGuard.authorize(
            user.actor, action, household: household, requestID: context.requestID,
            database: app.database)
    }

    /// The signal page; also shown again, with the input kept, when a form on it has problems. The user's current
    /// network follows the signal's.
    func detailPage(
        _ context: AppRequestContext, notice: String?, form: FormData? = nil,
        problems: [String: String] = [:]
    ) async throws -> Response {
        let (id, household) = try await signal(context)
        let grant = try await grant(.viewIntake, context, household)
        app.follow(grant.context.network, context)
        guard let detail = try await SignalStore.detail(id, grant: grant, on: app.database.sql),
            let network = try await NetworkStore.find(grant.context.network, on: app.database.sql),
            let profile = app.profiles.profile(for: network)
        else { throw HTTPError(.notFound, message: "error.not_found") }
        let events = try await TimelineStore.events(grant, on: app.database.sql)
        let mayDecide = context.identity?.actor.roles(in: network.id).contains(.networkDirector) == true
        var values = TriageView(app: app, locale: context.locale, profile: profile)
            .values(detail: detail, events: events, form: form, problems: problems, mayDecide: mayDecide)
        let round = try await InformationRoundView(app: app, locale: context.locale)
            .values(grant: grant, events: events, form: form, mayDecide: mayDecide)
        values.merge(round) { first, _ in first }
        return app.views.render(
            "signal_detail", page: try await app.page("signal_detail.title", context, notice: notice),
            values: values, status: problems.isEmpty ? .ok : .unprocessableContent)
    }

    private func crisis(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        try await IntakeService(app: app).refuseUnlessAllowed(
            .decide, signal: id, actor: user.actor, requestID: context.requestID)
        let form = try await app.form(request, context)
        do {
            try await IntakeService(app: app).dispatchCrisis(
                service: form.value("service") ?? "", signal: id, actor: user.actor, requestID: context.requestID)
        } catch let problems as IntakeService.Problems {
            return try await detailPage(context, notice: nil, form: form, problems: problems.fields)
        }
        return .redirect(to: "/signals/\(id)?notice=notice.crisis_recorded", type: .found)
    }

    private func decide(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        try await IntakeService(app: app).refuseUnlessAllowed(
            .decide, signal: id, actor: user.actor, requestID: context.requestID)
        let form = try await app.form(request, context)
        guard let outcome = TriageDecision.Outcome(rawValue: form.value("outcome") ?? "") else {
            return try await detailPage(context, notice: nil, form: form, problems: ["outcome": "error.invalid_choice"])
        }
        let decision = TriageDecision(
            outcome: outcome, urgency: SignalUrgency(rawValue: form.value("urgency") ?? "") ?? .normal,
            safety: TriageDecision.Safety(rawValue: form.value("safety") ?? "") ?? .unknown,
            safetyNote: form.value("safety_note") ?? "", referredTo: form.value("referred_to") ?? "",
            reason: form.value("reason") ?? "")
        do {
            try await IntakeService(app: app).triage(
                decision, signal: id, actor: user.actor,
                requestID: context.requestID)
        } catch let problems as IntakeService.Problems {
            return try await detailPage(context, notice: nil, form: form, problems: problems.fields)
        }
        return .redirect(to: "/signals/\(id)?notice=notice.decision_recorded", type: .found)
    }
}
