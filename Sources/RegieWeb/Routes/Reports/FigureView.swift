import Foundation
import RegieCore

/// The values of the dashboard page: the scope and period form with the exports; and, kept apart (`FigureReports`),
/// per figure an SVG chart beside its table (each count a link to its cases where the user may see them), the lead
/// times, the score changes and relapse.
struct FigureView: Sendable {
    let app: WebApp
    let locale: String
    let query: ReportQuery
    let networks: [Network]
    let protectsAll: Bool
    let mayOpenCases: Bool

    private func text(_ key: String) -> String { app.views.translations.text(key, locale) }

    /// The page around the figures.
    func values() -> [String: Any] {
        query.formValues(action: "/figures", translate: text).merging([
            "networkNames": networks.map(\.name).joined(separator: ", "), "query": query.string,
            "protectsAll": protectsAll,
            "hasCareBudget": networks.contains { app.profiles.profile(for: $0)?.mandates.careBudget == true },
            "suppressionNote": String(format: text("figures.suppression_note"), app.configuration.minimumCellSize),
        ]) { _, new in new }
    }

    /// The figures themselves, for `figure_report`.
    func reportValues(_ report: FigureReport) -> [String: Any] {
        let query = query.string
        let link = { (figure: String, code: String) -> String in
            "/figures/cases?\(query)&figure=\(figure)&code=\(code.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }
        return [
            "sections": report.sections.map { section -> [String: Any] in
                [
                    "key": section.key, "title": section.title, "protected": section.protected,
                    "total": report.shown(section.total), "isEmpty": section.rows.isEmpty,
                    "totalLabel": text(section.key == "inflow_domain" ? "figures.total_mentions" : "figures.total"),
                    "chart": BarChart.svg(section.rows.map { ($0.label, $0.count) }),
                    "rows": section.rows.map { row -> [String: Any] in
                        [
                            "label": row.label, "count": report.shown(row.count),
                            "link": mayOpenCases && row.count != nil ? link(section.key, row.code) : "",
                            "hasLink": mayOpenCases && row.count != nil,
                        ]
                    },
                ]
            },
            "leadTimes": report.leadTimes.map { time -> [String: Any] in
                [
                    "title": time.title, "count": report.shown(time.count),
                    "median": time.median.map(FigureReport.decimal) ?? "—",
                    "percentile90": time.percentile90.map(String.init) ?? "—",
                    "withinNorm": time.withinNormPercent.map { "\($0) %" } ?? "—",
                    "link": link(time.key, ""), "hasLink": mayOpenCases && time.count != nil && time.count! > 0,
                ]
            },
            "scoreChanges": report.scoreChanges.map { change -> [String: Any] in
                [
                    "domain": change.domain, "households": report.shown(change.households),
                    "average": change.average.map { (($0 >= 0) ? "+" : "") + FigureReport.decimal($0) } ?? "—",
                    "improved": change.improved.map(String.init) ?? report.suppression.label,
                ]
            },
            "hasScoreChanges": !report.scoreChanges.isEmpty,
            "closures": report.shown(report.relapse.closures), "relapsed": report.shown(report.relapse.relapsed),
        ]
    }
}
