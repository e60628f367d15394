import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// The neighbourhood view (issue 7; seed-002 base function 2): signals and cases per area of the network or the
/// region, always protected against small numbers, and marking an area for a collective approach — a fact with a
/// reason and a day, ended the same way.
struct NeighbourhoodRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.get("neighbourhoods") { request, context in try await page(request, context) }
        routes.post("neighbourhoods/marks") { request, context in try await mark(request, context) }
    }

    /// A mark form sent back with its problems; `key` is the area's row.
    struct Problem {
        let key: CollectiveApproach.Key
        let form: FormData
        let fields: [String: String]
    }

    /// The areas of the networks in scope as the page shows them.
    struct Loaded {
        let query: ReportQuery
        let networks: [Network]
        let figures: NeighbourhoodFigures
        let approach: CollectiveApproach
        let suppression: SmallNumberSuppression
    }

    private func load(_ request: Request, _ context: AppRequestContext) async throws -> Loaded {
        let (query, networks, _) = try await ReportQuery.resolve(
            request, context, app: app, feature: .neighbourhoods, title: "neighbourhoods.title")
        let db = app.database.sql
        let facts = try await app.figureFacts(in: networks, known: context.identity?.frame?.stamps ?? [:])
        let approach = CollectiveApproach(marks: try await AreaMarkStore.marks(in: networks.map(\.id), on: db))
        let suppression = SmallNumberSuppression(minimum: app.configuration.minimumCellSize)
        return Loaded(
            query: query, networks: networks,
            figures: NeighbourhoodFigures(
                facts: facts, period: query.period, suppression: suppression, alsoShow: Set(approach.current.keys)),
            approach: approach, suppression: suppression)
    }

    private func page(
        _ request: Request, _ context: AppRequestContext, problem: Problem? = nil
    ) async throws -> Response {
        let loaded = try await load(request, context)
        let view = NeighbourhoodView(app: app, context: context, loaded: loaded, problem: problem)
        return app.views.render(
            "neighbourhoods",
            page: try await app.page(
                "neighbourhoods.title", context, notice: request.uri.queryParameters["notice"].map(String.init)),
            values: view.values(),
            status: problem == nil && loaded.query.problems.isEmpty ? .ok : .unprocessableContent)
    }

    private func mark(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        let form = try await app.form(request, context)
        let network = NetworkID(rawValue: form.value("network") ?? "")
        guard AccessPolicy.mayUse(.markNeighbourhood, roles: user.actor.roles(in: network)) else {
            throw HTTPError(.forbidden, message: "error.forbidden")
        }
        let loaded = try await load(request, context)
        let area = form.value("area") ?? ""
        let marking = form.value("action") != "end"
        let key = CollectiveApproach.Key(network: network, area: area)
        let known = Set(
            loaded.figures.rows.filter { $0.key.network == network && !$0.key.area.isEmpty }.map(\.key.area))
        let reason = form.value("reason") ?? ""
        var problems = CollectiveApproach.problems(area: area, known: known, marking: marking, reason: reason)
        let day = Day(form.value("marked_on") ?? "")
        if day == nil { problems["markedOn"] = "error.date_invalid" }
        if let day, day > Day(Date()) { problems["markedOn"] = "error.date_future" }
        if !marking && loaded.approach.mark(of: area, in: network) == nil { problems["area"] = "error.area_not_marked" }
        guard problems.isEmpty, let day else {
            return try await page(request, context, problem: Problem(key: key, form: form, fields: problems))
        }
        try await app.database.write { db in
            try await AreaMarkStore.record(
                area: area, marked: marking, reason: reason, on: day, network: network, by: user.account.id, on: db)
        }
        let notice = marking ? "notice.area_marked" : "notice.area_unmarked"
        return .redirect(to: "/neighbourhoods?\(loaded.query.string)&notice=\(notice)", type: .found)
    }
}
