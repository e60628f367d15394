import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// The care-purchase budget of the current network (Enschede's crisispotje, seed-000 §5.5): the year's amount, what
/// escalation decisions spent and the balance, derived; the municipality's policy officer sets the yearly amount.
struct CareBudgetRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.get("care-budget") { request, context in try await page(request, context) }
        routes.post("care-budget") { request, context in try await set(request, context) }
    }

    /// The current network when the user may use `feature` there.
    private func network(_ context: AppRequestContext, _ feature: NetworkFeature) async throws -> Network {
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        let page = try await app.page("care_budget.title", context)
        guard let network = app.currentNetwork(context, among: page.networks),
            AccessPolicy.mayUse(feature, roles: user.actor.roles(in: network.id))
        else { throw HTTPError(.forbidden, message: "error.forbidden") }
        return network
    }

    private func page(
        _ request: Request, _ context: AppRequestContext, form: FormData? = nil, problems: [String: String] = [:]
    ) async throws -> Response {
        let network = try await network(context, .careBudget)
        let asked = form?.value("year") ?? request.uri.queryParameters["year"].map(String.init) ?? ""
        let year = Int(asked).flatMap { (2000...2100).contains($0) ? $0 : nil } ?? Day(Date()).year
        let db = app.database.sql
        let budget = try await CareBudgetStore.budget(of: network.id, on: db)
        let spendings = budget.spendings(in: year)
        var references: [HouseholdID: String] = [:]
        for household in Set(spendings.map(\.household)) {
            references[household] = try await HouseholdStore.reference(of: household, on: db)
        }
        let view = CareBudgetView(
            app: app, context: context, network: network, year: year, budget: budget, references: references,
            form: form, problems: problems)
        return app.views.render(
            "care_budget",
            page: try await app.page(
                "care_budget.title", context, notice: request.uri.queryParameters["notice"].map(String.init)),
            values: view.values(), status: problems.isEmpty ? .ok : .unprocessableContent)
    }

    private func set(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let network = try await network(context, .setCareBudget)
        guard app.profiles.profile(for: network)?.mandates.careBudget == true else {
            throw HTTPError(.forbidden, message: "error.forbidden")
        }
        let form = try await app.form(request, context)
        let year = Int((form.value("year") ?? "").trimmingCharacters(in: .whitespaces)) ?? 0
        let saved: [String: String] = try await app.database.write { db in
            try await CareBudgetStore.lock(network.id, on: db)
            let (amount, problem) = try await CareBudgetStore.budget(of: network.id, on: db)
                .settingProblem(form.value("amount") ?? "", year: year)
            if let problem { return [problem == "error.year_invalid" ? "year" : "amount": problem] }
            guard let amount else { return ["amount": "error.amount_invalid"] }
            try await CareBudgetStore.setAmount(
                amount, year: year, in: network.id, by: context.identity?.account.id, on: db)
            return [:]
        }
        guard saved.isEmpty else { return try await page(request, context, form: form, problems: saved) }
        return .redirect(to: "/care-budget?year=\(year)&notice=notice.care_budget_set", type: .found)
    }
}
