import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// The dashboard of management figures (issue 7): per network or for the region (every network where the user may
/// see figures), per period; as page with SVG charts and tables, printable, as CSV for Dutch Excel and as JSON;
/// and the list of cases behind a figure for those allowed to see it.
struct FigureRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.get("figures") { request, context in try await page(request, context) }
        routes.get("figures.csv") { request, context in try await csv(request, context) }
        routes.get("figures.json") { request, context in
            try JSONEncoder().encodeResponse(try await report(request, context).report.output)
        }
        routes.get("figures/cases") { request, context in try await cases(request, context) }
    }

    /// What a request asks for: the scope and period (as typed, with their problems) and the report.
    struct Asked {
        let report: FigureReport
        let query: ReportQuery
        let mayOpenCases: Bool
    }

    /// Whether the figures of `networks` are shown to `user` with small numbers protected.
    static func protectsAll(_ user: SignedInUser, _ networks: [Network]) -> Bool {
        networks.contains { !AccessPolicy.mayUse(.exactFigures, roles: user.actor.roles(in: $0.id)) }
    }

    /// Whether `user` may open the list of cases behind a figure of `networks`.
    static func mayOpenCases(_ user: SignedInUser, _ networks: [Network]) -> Bool {
        networks.allSatisfy { AccessPolicy.mayUse(.figureCases, roles: user.actor.roles(in: $0.id)) }
    }

    func report(_ request: Request, _ context: AppRequestContext) async throws -> Asked {
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        let (query, networks, _) = try await ReportQuery.resolve(
            request, context, app: app, feature: .figures, title: "figures.title")
        return Asked(
            report: try await FigureReport.make(
                app: app, networks: networks, period: query.period, protectsAll: Self.protectsAll(user, networks),
                locale: context.locale),
            query: query,
            mayOpenCases: Self.mayOpenCases(user, networks))
    }

    private func page(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        let (query, networks, _) = try await ReportQuery.resolve(
            request, context, app: app, feature: .figures, title: "figures.title")
        let view = FigureView(
            app: app, locale: context.locale, query: query, networks: networks,
            protectsAll: Self.protectsAll(user, networks), mayOpenCases: Self.mayOpenCases(user, networks))
        var values = view.values()
        values["report"] = try await app.figureReport(view, known: user.frame?.stamps ?? [:])
        return app.views.render(
            "figures", page: try await app.page("figures.title", context), values: values,
            status: query.problems.isEmpty ? .ok : .unprocessableContent)
    }

    private func csv(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let asked = try await report(request, context)
        let t = { (key: String) in app.views.translations.text(key, context.locale) }
        let header = ["figure", "part", "count", "median", "percentile90", "within_norm"].map {
            t("figures.column_\($0)")
        }
        let name = "cijfers-\(asked.report.period.from.dutch)-\(asked.report.period.to.dutch).csv"
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\"",
            ],
            body: .init(
                byteBuffer: ByteBuffer(
                    string: DutchCSV.document(header: header, rows: asked.report.csvRows(total: t("figures.total"))))))
    }

    /// The households behind one figure's row: references linking to the case, which decides itself what to show.
    private func cases(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let asked = try await report(request, context)
        guard asked.mayOpenCases else { throw HTTPError(.forbidden, message: "error.forbidden") }
        let query = request.uri.queryParameters
        let figure = query["figure"].map(String.init) ?? ""
        let code = query["code"].map(String.init) ?? ""
        let households: Set<HouseholdID>
        let title: String
        if let time = asked.report.leadTimes.first(where: { $0.key == figure }) {
            (households, title) = (time.households, time.title)
        } else if let section = asked.report.sections.first(where: { $0.key == figure }),
            let row = section.rows.first(where: { $0.code == code })
        {
            (households, title) = (row.households, "\(section.title): \(row.label)")
        } else {
            throw HTTPError(.notFound, message: "error.not_found")
        }
        var rows: [[String: Any]] = []
        for household in households {
            rows.append([
                "id": household.rawValue,
                "reference": try await HouseholdStore.reference(of: household, on: app.database.sql),
            ])
        }
        rows.sort { ($0["reference"] as? String ?? "") < ($1["reference"] as? String ?? "") }
        return app.views.render(
            "figure_cases", page: try await app.page("figures.cases_title", context),
            values: ["figure": title, "rows": rows, "count": rows.count, "back": asked.query.string])
    }
}
