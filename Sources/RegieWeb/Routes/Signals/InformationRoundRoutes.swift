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
        routes.get("inbox") { request, context in
            try await inbox(context, notice: request.uri.queryParameters["notice"].map(String.init))
        }
        routes.post("inbox/:request") { request, context in try await answer(request, context) }
    }

    /// Runs one intake decision; problems show the signal page again with the input kept.
    private func perform(
        _ request: Request, _ context: AppRequestContext, notice: String,
        _ action: (FormData, String, AccessActor) async throws -> Void
    ) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        try await IntakeService(app: app).refuseUnlessAllowed(
            .decide, signal: id, actor: user.actor, requestID: context.requestID)
        let form = try await app.form(request, context)
        do {
            try await action(form, id, user.actor)
        } catch let problems as IntakeService.Problems {
            return try await TriageRoutes(app: app).detailPage(
                context, notice: nil, form: form, problems: problems.fields)
        }
        return .redirect(to: "/signals/\(id)?notice=\(notice)", type: .found)
    }

    private func start(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await perform(request, context, notice: "notice.information_started") { form, id, actor in
            try await IntakeService(app: app).startRound(
                organisations: form.all("organisation").compactMap(OrganisationID.init(validating:)), signal: id,
                actor: actor, requestID: context.requestID)
        }
    }

    private func visit(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await perform(request, context, notice: "notice.visit_recorded") { form, id, actor in
            let day = Day(form.value("visited_on") ?? "")
            let visit = HomeVisit(
                visitedOn: day ?? Day(Date()), visitors: form.value("visitors") ?? "",
                roleDivision: form.value("role_division") ?? "", reason: form.value("visit_reason") ?? "",
                outcome: form.value("visit_outcome") ?? "", letIn: form.value("let_in") == "yes")
            try await IntakeService(app: app).recordVisit(
                visit, signal: id, actor: actor, requestID: context.requestID,
                extraProblems: day == nil ? ["visitedOn": "error.date_invalid"] : [:])
        }
    }

    private func coordinate(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await perform(request, context, notice: "notice.coordination_recorded") { form, id, actor in
            guard let outcome = CoordinationDecision.Outcome(rawValue: form.value("coordination") ?? "") else {
                throw IntakeService.Problems(["coordination": "error.invalid_choice"])
            }
            try await IntakeService(app: app).coordinate(
                CoordinationDecision(
                    outcome: outcome, referredTo: form.value("coordination_referred_to") ?? "",
                    reason: form.value("coordination_reason") ?? ""),
                signal: id, actor: actor, requestID: context.requestID)
        }
    }

    /// The partner's inbox: information requests and commitments to answer. `problem` shows a refused
    /// commitment answer next to that commitment, with the typed note kept.
    func inbox(
        _ context: AppRequestContext, notice: String?, problem: (commitment: String, key: String, note: String)? = nil
    ) async throws -> Response {
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
        let commitments = try await CommitmentRoutes(app: app).inboxItems(context).map { item in
            guard let problem, item["id"] as? String == problem.commitment else { return item }
            return item.merging(["error": t.text(problem.key, context.locale), "note": problem.note]) { _, new in new }
        }
        var values: [String: Any] = [
            "items": items, "hasItems": !items.isEmpty, "commitments": commitments,
            "hasCommitments": !commitments.isEmpty,
        ]
        // A commitment that is no longer open (ended with its case, or answered from another page) is not listed:
        // its refusal shows above the list, with the note typed for it so nothing written is lost.
        if let problem, !commitments.contains(where: { $0["id"] as? String == problem.commitment }) {
            values["unlistedProblem"] = ["error": t.text(problem.key, context.locale), "note": problem.note.trimmed]
        }
        return app.views.render(
            "inbox", page: try await app.page("inbox.title", context, notice: notice), values: values,
            status: problem == nil ? .ok : .unprocessableContent)
    }

    private func answer(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        let form = try await app.form(request, context)
        guard let known = ["yes": true, "no": false][form.value("known") ?? ""] else {
            throw HTTPError(.badRequest, message: "error.information_known")
        }
        do {
            try await IntakeService(app: app).answer(
                request: try context.parameters.require("request"), known: known, shared: form.value("shared") ?? "",
                actor: user.actor, logRequestID: context.requestID)
        } catch is IntakeService.Problems {
            throw HTTPError(.conflict, message: "error.information_not_now")
        }
        return .redirect(to: "/inbox?notice=notice.answer_sent", type: .found)
    }
}
