import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// `GET /api/v1/figures`: the management figures for a partner system (a municipality's dashboard), the same
/// structure as the page's JSON: every network where the token's user may see figures, or one with `network`.
struct FigureApi {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.get("figures") { request, context in try await figures(request, context) }
    }

    private func figures(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let user = context.identity else { throw HTTPError(.unauthorized, message: "error.api_token_missing") }
        let query = request.uri.queryParameters
        let all = try await NetworkStore.all(on: app.database.sql)
        var networks = ReportQuery.scope(user, .figures, current: nil, all: all, region: true)
        if let chosen = query["network"].map(String.init) { networks = networks.filter { $0.id.rawValue == chosen } }
        guard !networks.isEmpty else { throw HTTPError(.forbidden, message: "error.forbidden") }
        let fallback = ReportPeriod.lastYear(until: Day(Date()))
        var problems: [String: String] = [:]
        let from = query["from"].map { Day(String($0)) } ?? fallback.from
        let to = query["to"].map { Day(String($0)) } ?? fallback.to
        if from == nil { problems["from"] = "error.date_invalid" }
        if to == nil { problems["to"] = "error.date_invalid" }
        let t = app.views.translations
        guard let from, let to else {
            return ApiError.response(
                status: .unprocessableContent, message: t.text("signal.check_fields", context.locale),
                requestID: context.requestID, details: ["fields": problems.mapValues { t.text($0, context.locale) }])
        }
        let report = try await FigureReport.make(
            app: app, networks: networks, period: ReportPeriod(from: from, to: to),
            protectsAll: FigureRoutes.protectsAll(user, networks), locale: context.locale)
        return try JSONEncoder().encodeResponse(report.output)
    }
}
