import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// Break-glass: a director who is refused a household's file may open it for reading with a written reason.
/// The access is flagged in the access log and waits on the network director's review list until reviewed.
struct BreakGlassRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.post("cases/:id/break-glass") { request, context in try await open(request, context) }
        routes.get("access/break-glass") { request, context in
            try await reviewList(context, notice: request.uri.queryParameters["notice"].map(String.init))
        }
        routes.post("access/break-glass/:entry/review") { request, context in try await review(request, context) }
    }

    /// The page a refused director sees: the refusal and the form to open the file with a reason. Anyone else
    /// gets the refusal itself.
    func offer(
        _ context: AppRequestContext, denied: AccessDenied, problem: String? = nil, reason: String = ""
    ) async throws -> Response {
        let household = try CaseService(app: app).household(context)
        guard let user = context.identity,
            let access = try await HouseholdStore.accessContext(household, on: app.database.sql),
            AccessPolicy.mayAskBreakGlass(actor: user.actor, context: access)
        else { throw denied }
        let t = app.views.translations
        return app.views.render(
            "break_glass", page: try await app.page("break_glass.title", context),
            values: [
                "caseId": household.rawValue, "rule": t.text("access_rule.\(denied.rule.rawValue)", context.locale),
                "reasonInput": reason, "minimum": AccessPolicy.minimumBreakGlassReason,
                "error": problem.map {
                    String(format: t.text($0, context.locale), AccessPolicy.minimumBreakGlassReason)
                }
                    ?? "",
                "hasError": problem != nil,
            ], status: problem == nil ? .forbidden : .unprocessableContent)
    }

    private func open(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        let form = try await app.form(request, context)
        let reason = form.value("break_glass_reason") ?? ""
        let household = try CaseService(app: app).household(context)
        do {
            let grant = try await AccessGuard.authorize(
                user.actor, .viewContent, household: household, breakGlassReason: reason,
                requestID: context.requestID, database: app.database)
            return try await CaseRoutes(app: app).casePage(
                context, notice: grant.decision.breakGlass ? "notice.break_glass_used" : nil, breakGlass: grant)
        } catch let denied as AccessDenied {
            return try await offer(context, denied: denied, problem: "error.break_glass_reason", reason: reason)
        } catch StoreError.notFound {
            throw HTTPError(.notFound, message: "error.not_found")
        }
    }

    /// The network directors' list of break-glass accesses to review, in the current network.
    private func reviewList(_ context: AppRequestContext, notice: String?) async throws -> Response {
        let page = try await app.page("break_glass.review_title", context, notice: notice)
        guard let user = context.identity, let network = app.currentNetwork(context, among: page.networks),
            AccessPolicy.mayUse(.breakGlassReview, roles: user.actor.roles(in: network.id))
        else { throw HTTPError(.forbidden, message: "error.forbidden") }
        let entries = try await BreakGlassStore.unreviewed(in: network.id, on: app.database.sql)
        return app.views.render(
            "break_glass_review", page: page,
            values: [
                "network": network.name, "hasEntries": !entries.isEmpty,
                "entries": entries.map { entry -> [String: Any] in
                    [
                        "entryId": entry.id, "at": DutchFormat.moment(Date(millis: entry.occurredAt)),
                        "user": entry.userName, "organisation": entry.organisationName, "reference": entry.reference,
                        "caseId": entry.householdId, "reason": entry.breakGlassReason ?? "",
                    ]
                },
            ])
    }

    private func review(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let page = try await app.page("break_glass.review_title", context)
        guard let user = context.identity, let network = app.currentNetwork(context, among: page.networks),
            AccessPolicy.mayUse(.breakGlassReview, roles: user.actor.roles(in: network.id))
        else { throw HTTPError(.forbidden, message: "error.forbidden") }
        let form = try await app.form(request, context)
        guard let justified = ["yes": true, "no": false][form.value("justified") ?? ""] else {
            throw HTTPError(.badRequest, message: "error.invalid_choice")
        }
        let entry = try context.parameters.require("entry")
        try await app.database.write { db in
            try await BreakGlassStore.review(
                entry, in: network.id, justified: justified, note: form.value("review_note") ?? "",
                by: user.account.id, on: db)
        }
        return .redirect(to: "/access/break-glass?notice=notice.break_glass_reviewed", type: .found)
    }
}
