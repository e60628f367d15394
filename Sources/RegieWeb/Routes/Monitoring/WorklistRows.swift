import Foundation
import RegieCore

/// The rows of a worklist as HTML. They follow from the items, the language and the day (which makes an item late)
/// and from nothing else, so a user who opens the home page again while nothing changed gets the rows rendered the
/// first time (`WebApp.worklistRows`). The access log still records every view: that happens when the items are
/// read, not here.
struct WorklistRows: Hashable, Sendable {
    let items: [WorklistItem]
    let locale: String
    let today: Day

    /// The `<li>` rows, rendered with `worklist_rows` the first time this key is seen.
    func html(app: WebApp) -> String {
        app.worklistRows.html(for: self) {
            let t = app.views.translations
            let rows = items.map { item -> [String: Any] in
                [
                    "kind": t.text(item.kind.textKey, locale), "link": item.link, "reference": item.reference,
                    "why": String(format: t.text(item.why, locale), arguments: item.whyValues),
                    "since": item.since.dutch, "due": item.due?.dutch ?? "", "hasDue": item.due != nil,
                    "late": item.isOverdue(today: today),
                ]
            }
            return app.views.fragment("worklist_rows", locale: locale, values: ["work": rows])
        }
    }
}
