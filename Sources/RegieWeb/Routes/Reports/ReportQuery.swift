import Foundation
import Hummingbird
import RegieCore

/// The scope and period asked for in the query of a report page (figures, policy signals, neighbourhoods): the
/// days as typed, kept for the form, with the problems of days that are not dates; the last twelve months when
/// nothing was asked.
struct ReportQuery {
    let from: String
    let to: String
    let region: Bool
    let problems: [String: String]
    let period: ReportPeriod

    init(_ request: Request, today: Day = Day(Date())) {
        let query = request.uri.queryParameters
        let fallback = ReportPeriod.lastYear(until: today)
        from = query["from"].map(String.init) ?? fallback.from.dutch
        to = query["to"].map(String.init) ?? fallback.to.dutch
        region = query["scope"] == "region"
        var problems: [String: String] = [:]
        if Day(from) == nil { problems["from"] = "error.date_invalid" }
        if Day(to) == nil { problems["to"] = "error.date_invalid" }
        self.problems = problems
        period = problems.isEmpty ? ReportPeriod(from: Day(from)!, to: Day(to)!) : fallback
    }

    /// The query of a report page and the networks in its scope for the signed-in user (and the current network);
    /// forbidden when the user may use `feature` in none of them.
    static func resolve(
        _ request: Request, _ context: AppRequestContext, app: WebApp, feature: NetworkFeature, title: String
    ) async throws -> (query: ReportQuery, networks: [Network], current: Network?) {
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        let query = ReportQuery(request)
        let page = try await app.page(title, context)
        let current = app.currentNetwork(context, among: page.networks)
        let networks = scope(user, feature, current: current, all: page.networks, region: query.region)
        guard !networks.isEmpty else { throw HTTPError(.forbidden, message: "error.forbidden") }
        return (query, networks, current)
    }

    /// The networks a user may use `feature` of: the current one, or with `region` every one where they may.
    static func scope(
        _ user: SignedInUser, _ feature: NetworkFeature, current: Network?, all: [Network], region: Bool
    ) -> [Network] {
        let allowed = all.filter { AccessPolicy.mayUse(feature, roles: user.actor.roles(in: $0.id)) }
        if region { return allowed }
        return allowed.filter { $0.id == current?.id }
    }

    /// The query string that repeats the chosen scope and period, for links and exports.
    var string: String {
        "from=\(period.from.dutch)&to=\(period.to.dutch)" + (region ? "&scope=region" : "")
    }

    /// The values of the period form partial (`report_period_form`), which submits to `action`.
    func formValues(action: String, translate: (String) -> String) -> [String: Any] {
        [
            "formAction": action, "fromInput": from, "toInput": to, "isRegion": region,
            "errors": problems.mapValues(translate), "hasErrors": !problems.isEmpty,
            "period": "\(period.from.dutch) – \(period.to.dutch)",
        ]
    }
}
