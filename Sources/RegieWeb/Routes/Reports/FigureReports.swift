import Foundation
import RegieCore
import RegieStore

/// The dashboard's figures as HTML — lead times, every breakdown with its chart and table, score changes, relapse —
/// kept per scope, period, language and permission under the networks' fact stamp and day, like the figures they
/// show: formatting and rendering fifteen tables and charts cost more than counting them, on every view. The page
/// around them (the user's menu, the period form as typed) is rendered on each view.
typealias FigureReports = StampedCache<FigureReportSlot, String>

/// Everything the figures' HTML depends on besides the facts: the networks and their norms, the period and scope (as
/// the links repeat them), the language, small-number protection and whether counts link to their cases.
struct FigureReportSlot: Hashable, Sendable {
    let networks: [NetworkID]
    let profiles: [ProfileSettings]
    let query: String
    let locale: String
    let protectsAll: Bool
    let mayOpenCases: Bool
}

extension WebApp {
    /// The figures part of the dashboard for `view`, rendered once per fact stamp and day; the stamps read with the
    /// viewer's session (`known`) spare the page a statement.
    func figureReport(_ view: FigureView, known: [NetworkID: HouseholdStore.NetworkStamp]) async throws -> String {
        let ids = Self.figureKey(view.networks)
        let slot = FigureReportSlot(
            networks: ids, profiles: Self.figureProfiles(view.networks), query: view.query.string,
            locale: view.locale, protectsAll: view.protectsAll, mayOpenCases: view.mayOpenCases)
        let app = self
        let stamp = try await factStamp(ids, known: known)
        return try await figureReports.value(of: slot, stamp: stamp, day: Day(Date())) {
            let report = try await FigureReport.make(
                app: app, networks: view.networks, period: view.query.period, protectsAll: view.protectsAll,
                locale: view.locale)
            return app.views.fragment("figure_report", locale: view.locale, values: view.reportValues(report))
        }
    }
}
