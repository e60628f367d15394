import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// Bringing in a signal (step 1), the network's signal list (step 2) and the reporter's own "Mijn meldingen".
struct SignalRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.get("signals/new") { _, context in
            let network = try await signallingNetwork(context)
            return try await formPage(context, network: network, form: nil, problems: [:])
        }
        routes.post("signals/new") { request, context in try await submit(request, context) }
        routes.get("signals") { request, context in try await signalList(request, context) }
        routes.get("my-signals") { request, context in try await mySignals(request, context) }
    }

    /// The current network, if the user may signal in it.
    private func signallingNetwork(_ context: AppRequestContext) async throws -> Network {
        let page = try await app.page("signal.title", context)
        guard let user = context.identity, let network = app.currentNetwork(context, among: page.networks),
            AccessPolicy.mayUse(.signal, roles: user.actor.roles(in: network.id))
        else { throw HTTPError(.forbidden, message: "error.forbidden") }
        return network
    }

    private func submit(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let network = try await signallingNetwork(context)
        let form = SignalForm(form: try await app.form(request, context))
        let service = SignalService(app: app)
        switch try await service.submit(form: form, network: network, context: context) {
        case .invalid(let problems):
            return try await formPage(
                context, network: network, form: form, problems: problems,
                status: .unprocessableContent)
        case .needsIdentityChoice(let candidates):
            return try await formPage(context, network: network, form: form, problems: [:], candidates: candidates)
        case .recorded:
            let director = context.identity?.actor.roles(in: network.id).contains(.networkDirector) == true
            return .redirect(
                to: director ? "/signals?notice=notice.signal_received" : "/my-signals?notice=notice.signal_received",
                type: .found)
        }
    }

    private func formPage(
        _ context: AppRequestContext, network: Network, form: SignalForm?, problems: [String: String],
        candidates: [Int: [SignalStore.Candidate]] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let values = try await SignalFormView(app: app, context: context, network: network)
            .values(form: form, problems: problems, candidates: candidates)
        return app.views.render(
            "signal_form", page: try await app.page("signal.title", context), values: values,
            status: status)
    }

    private func signalList(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let page = try await app.page(
            "signals.title", context,
            notice: request.uri.queryParameters["notice"].map(String.init))
        guard let user = context.identity, let network = app.currentNetwork(context, among: page.networks),
            AccessPolicy.mayUse(.signalList, roles: user.actor.roles(in: network.id))
        else { throw HTTPError(.forbidden, message: "error.forbidden") }
        // Anything but the three views is the open one (and never a slot of its own in the list cache).
        let asked = request.uri.queryParameters["status"].map(String.init) ?? "open"
        let filter = ["open", "overdue", "all"].contains(asked) ? asked : "open"
        let (shown, pager, total) = try await SignalListView(app: app, context: context, network: network)
            .page(filter: filter, page: request.uri.queryParameters["pagina"].map(String.init))
        let norm = app.profiles.profile(for: network)?.norms.eligibilityDecision?.dutch
        let pages = pager.values(
            pageOf: app.views.translations.text("signals.page_of", context.locale), total: total
        ) { "/signals?status=\(filter)&pagina=\($0)" }
        return app.views.render(
            "signal_list", page: page,
            values: [
                "network": network.name, "rows": shown.html, "hasRows": !shown.isEmpty,
                "filterOpen": filter == "open",
                "filterOverdue": filter == "overdue", "filterAll": filter == "all",
            ].merging(pages) { $1 }.merging(norm.map { ["norm": $0] } ?? [:]) { first, _ in first })
    }

    private func mySignals(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        let page = try await app.page(
            "my_signals.title", context,
            notice: request.uri.queryParameters["notice"].map(String.init))
        var rows: [[String: Any]] = []
        let t = app.views.translations
        for household in try await SignalStore.households(signalledBy: user.account.id, on: app.database.sql) {
            let grant = try await AccessGuard.authorize(
                user.actor, .viewIntake, household: household,
                requestID: context.requestID, database: app.database)
            let events = try await TimelineStore.events(grant, on: app.database.sql)
            let decided = TriageStore.decisions(in: events).first
            let coordinated = InformationRoundStore.coordination(in: events)
            for signal in try await SignalStore.summaries(grant, on: app.database.sql)
            where signal.reporter == user.account.id {
                // Feedback to the reporter: the latest decision, its date and the explanation meant for them —
                // no content of the case.
                var status = t.text("signal_status.\(signal.phase.rawValue)", context.locale)
                var explanation = ""
                if let coordinated, coordinated.at >= signal.receivedAt {
                    status =
                        "\(t.text(coordinated.decision.outcome.textKey, context.locale)) "
                        + "(\(DutchFormat.day(coordinated.at)))"
                    explanation = [coordinated.decision.referredTo, coordinated.decision.reason]
                        .filter { !$0.isEmpty }.joined(separator: " — ")
                } else if let decided, decided.at >= signal.receivedAt {
                    status =
                        "\(t.text(decided.decision.outcome.textKey, context.locale)) (\(DutchFormat.day(decided.at)))"
                    explanation = [decided.decision.referredTo, decided.decision.reason].filter { !$0.isEmpty }
                        .joined(separator: " — ")
                }
                rows.append([
                    "received": DutchFormat.day(signal.receivedAt), "reference": signal.householdReference,
                    "status": status, "explanation": explanation, "hasExplanation": !explanation.isEmpty,
                ])
            }
        }
        return app.views.render("my_signals", page: page, values: ["rows": rows, "hasRows": !rows.isEmpty])
    }
}
