import Foundation
import RegieCore

/// The values of the neighbourhood page: per area its protected counts, its most mentioned worry, whether it is
/// marked for a collective approach, and the form to mark it or end the mark.
struct NeighbourhoodView {
    let app: WebApp
    let context: AppRequestContext
    let loaded: NeighbourhoodRoutes.Loaded
    let problem: NeighbourhoodRoutes.Problem?

    private func text(_ key: String) -> String { app.views.translations.text(key, context.locale) }

    private func shown(_ count: SmallNumberSuppression.Shown) -> String {
        if case .count(let value) = count { return String(value) }
        return loaded.suppression.label
    }

    func values() -> [String: Any] {
        let names = Dictionary(uniqueKeysWithValues: loaded.networks.map { ($0.id, $0.name) })
        let domains = Dictionary(
            loaded.networks.compactMap { app.profiles.profile(for: $0)?.domains }.flatMap { $0 }
                .map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        var values = loaded.query.formValues(action: "/neighbourhoods", translate: text)
        values["networkNames"] = loaded.networks.map(\.name).joined(separator: ", ")
        values["query"] = loaded.query.string
        values["showNetwork"] = loaded.networks.count > 1
        values["suppressionNote"] = String(format: text("neighbourhoods.suppression_note"), loaded.suppression.minimum)
        values["hasRows"] = !loaded.figures.rows.isEmpty
        values["totals"] = loaded.figures.totals.map(shown)
        values["rows"] = loaded.figures.rows.enumerated().map { index, row -> [String: Any] in
            let mark = loaded.approach.mark(of: row.key.area, in: row.key.network)
            let mine = problem?.key == row.key
            let kept = { (name: String, fallback: String) in mine ? problem?.form.value(name) ?? fallback : fallback }
            return [
                "area": row.key.area.isEmpty ? text("figures.area_unknown") : row.key.area,
                "areaValue": row.key.area, "rowId": "area-\(index)", "networkId": row.key.network.rawValue,
                "network": names[row.key.network] ?? "",
                "signals": shown(row.signals), "households": shown(row.households), "opened": shown(row.opened),
                "active": shown(row.active),
                "topDomain": row.topDomain.map { "\(domains[$0.code] ?? $0.code) (\($0.count))" } ?? "—",
                "isMarked": mark != nil, "markedOn": mark?.on.dutch ?? "", "markedBy": mark?.byName ?? "",
                "markReason": mark?.reason ?? "",
                "mayMark": !row.key.area.isEmpty
                    && AccessPolicy.mayUse(
                        .markNeighbourhood, roles: context.identity?.actor.roles(in: row.key.network) ?? []),
                "formOpen": mine, "rowErrors": mine ? problem!.fields.mapValues(text) : [:],
                "reasonInput": kept("reason", ""), "markedOnInput": kept("marked_on", Day(Date()).dutch),
            ]
        }
        return values
    }
}
