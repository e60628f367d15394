import Foundation
import RegieCore
import RegieStore

/// The management figures as one structure that the dashboard, its CSV, its printable page and the JSON API all
/// show, so they cannot disagree: labelled rows with the count as it may be shown (small numbers protected for
/// policy officers and for every breakdown by area) and the households behind each row.
struct FigureReport {
    /// One row of a figure: a label and its count, or "<5" when protected.
    struct Row {
        let code: String
        let label: String
        /// The count, or `nil` when it is protected.
        let count: Int?
        let cell: Breakdown.Cell

        var households: Set<HouseholdID> { cell.households }
    }

    struct Section {
        let key: String
        let title: String
        let rows: [Row]
        let total: Int?
        let protected: Bool
    }

    struct LeadTimeRow {
        let key: String
        let title: String
        let count: Int?
        let median: Double?
        let percentile90: Int?
        let withinNormPercent: Int?
        let time: LeadTime

        var households: Set<HouseholdID> { time.households }
    }

    let networks: [Network]
    let period: ReportPeriod
    let sections: [Section]
    let leadTimes: [LeadTimeRow]
    let scoreChanges: [(domain: String, households: Int?, average: Double?, improved: Int?)]
    let relapse: (closures: Int?, relapsed: Int?)
    let suppression: SmallNumberSuppression
    /// Whether every figure is protected (the viewer is a policy officer).
    let protectsAll: Bool

    /// Counts the figures of `networks` over `period` for a viewer who sees small numbers (`protectsAll == false`)
    /// or not.
    static func make(
        app: WebApp, networks: [Network], period: ReportPeriod, protectsAll: Bool, locale: String
    ) async throws -> FigureReport {
        let profiles = Dictionary(
            uniqueKeysWithValues: networks.map { ($0.id, app.profiles.profile(for: $0)) })
        let today = Day(Date())
        let figures = try await app.networkFigures(in: networks, period: period, today: today)
        let suppression = SmallNumberSuppression(minimum: app.configuration.minimumCellSize)
        let labels = FigureLabels(
            translations: app.views.translations, locale: locale,
            domains: profiles.values.compactMap { $0?.domains }.flatMap { $0 })
        let text = { (key: String) in app.views.translations.text(key, locale) }
        let sections = figures.breakdowns.map { breakdown -> Section in
            let protected = protectsAll || breakdown.byArea
            let shown = suppression.protect(breakdown.cells.map(\.count))
            let rows = zip(breakdown.cells, shown.cells).map { cell, shown in
                Row(
                    code: cell.code, label: labels.label(breakdown.key, cell.code),
                    count: protected && shown.isSuppressed ? nil : cell.count, cell: cell)
            }
            let total: Int? = protected && shown.total.isSuppressed ? nil : breakdown.total
            return Section(
                key: breakdown.key, title: text("figures.\(breakdown.key)"), rows: rows, total: total,
                protected: protected)
        }
        let hide = { (count: Int) in protectsAll && suppression.protect(single: count).isSuppressed }
        return FigureReport(
            networks: networks, period: period, sections: sections,
            leadTimes: figures.leadTimes.map { time in
                let hidden = hide(time.count)
                return LeadTimeRow(
                    key: time.key, title: text("figures.lead.\(time.key)"), count: hidden ? nil : time.count,
                    median: hidden ? nil : time.median, percentile90: hidden ? nil : time.percentile90,
                    withinNormPercent: hidden ? nil : time.withinNormPercent, time: time)
            },
            scoreChanges: figures.scoreChanges.map { change in
                let hidden = hide(change.householdCount)
                return (
                    labels.label("inflow_domain", change.domain), hidden ? nil : change.householdCount,
                    hidden ? nil : change.averageChange, hidden ? nil : change.improved
                )
            },
            relapse: (
                hide(figures.relapse.closures) ? nil : figures.relapse.closures,
                hide(figures.relapse.relapsed) ? nil : figures.relapse.relapsed
            ),
            suppression: suppression, protectsAll: protectsAll)
    }

    /// A count as shown: the number, or "<5".
    func shown(_ count: Int?) -> String { count.map(String.init) ?? suppression.label }
}

/// Names for the codes in the figures, in the user's language.
struct FigureLabels {
    let translations: Translations
    let locale: String
    let domains: [LifeDomain]

    func label(_ figure: String, _ code: String) -> String {
        let text = { (key: String) in translations.text(key, locale) }
        switch figure {
        case "inflow_source": return text("organisation_kind.\(code)")
        case "inflow_channel": return text("signal_channel.\(code)")
        case "inflow_area": return code.isEmpty ? text("figures.area_unknown") : code
        case "inflow_domain": return domains.first { $0.code == code }?.name ?? code
        case "decisions": return text("triage_outcome.\(code)")
        case "open_phase": return text("phase.\(code)")
        case "caseload": return code.isEmpty ? text("figures.no_director") : code
        case "escalation_kind": return text("escalation.kind.\(code)")
        case "escalation_rung":
            let parts = code.split(separator: ":")
            guard parts.count == 2 else { return code }
            return String(format: text("figures.rung"), text("escalation.kind.\(parts[0])"), String(parts[1]))
        case "escalation_outcome": return text("figures.escalation_\(code)")
        case "closure_reason": return text("closure.reason.\(code)")
        case "aftercare_result": return text("aftercare.answer.\(code)")
        case "family_level": return String(format: text("figures.family_level_cell"), code)
        default: return code
        }
    }
}
