import Foundation
import RegieCore

/// The rows of a worklist as HTML. They follow from the items, the language and the day (which makes an item late)
/// and from nothing else, so a user who opens the home page again while nothing changed gets the rows rendered the
/// first time (`WebApp.worklistRows`). The access log still records every view: that happens when the items are
/// read, not here.
struct WorklistRows: Hashable, Sendable {
    let items: [WorklistItem]
    /// The kept network part (`NetworkWorklist.Part.identity`) these items are, unchanged, or nil for a list merged
    /// with the user's own items. Parts are never changed once derived, so one identity always stands for the same
    /// items: the key compares it instead of the rows. By their rows alone, the lists derived one after another
    /// while signals come in mostly share their first and last rows and their length, so they hashed alike, and
    /// looking one up compared it row by row with every kept list before it.
    let part: UInt64?
    let locale: String
    let today: Day

    init(items: [WorklistItem], part: UInt64? = nil, locale: String, today: Day) {
        self.items = items
        self.part = part
        self.locale = locale
        self.today = today
    }

    /// Hashes the part's identity, or a few rows, not all: equal keys still hash alike, and the rare lists alike in
    /// these are told apart by `==`.
    func hash(into hasher: inout Hasher) {
        hasher.combine(locale)
        hasher.combine(today)
        hasher.combine(part)
        guard part == nil else { return }
        hasher.combine(items.count)
        hasher.combine(items.first)
        hasher.combine(items.last)
    }

    static func == (first: WorklistRows, second: WorklistRows) -> Bool {
        first.part == second.part && first.locale == second.locale && first.today == second.today
            && (first.part != nil || first.items == second.items)
    }

    /// The `<li>` rows, written the first time this key is seen. Swift writes them rather than a template, as the
    /// signal list's (`SignalRow`): a new signal in the network changes a director's rows, and Mustache looks up
    /// every value of every row through dynamic casts.
    func html(app: WebApp) -> String {
        app.worklistRows.html(for: self) {
            let t = app.views.translations
            let text = TemplateTexts(table: t.table(locale)).escaped
            let e = HTMLEscaping.escape
            var html = ""
            for item in items {
                let late = item.isOverdue(today: today)
                html += app.worklistRow.html(for: Row(item: item, locale: locale, late: late)) {
                    let why = Translations.filling(t.text(item.why, locale), with: item.whyValues)
                    let kind = t.text(item.kind.textKey, locale)
                    var row = "    <li><span><a href=\"\(e(item.link))\"><strong>\(e(kind))</strong>"
                    row += " — \(e(item.reference))</a><br><span class=\"why\">\(e(why))</span></span>\n"
                    row += "    <span>\(text("worklist_since")) \(e(item.since.dutch))"
                    if let due = item.due {
                        row += "<br><span\(late ? " class=\"late\"" : "")>"
                        row += "\(text("worklist_due")) \(e(due.dutch))</span>"
                    }
                    return row + "</span></li>\n"
                }
            }
            return html
        }
    }

    /// What one row follows from: its item, the language, and whether the item is late on the day shown.
    struct Row: Hashable, Sendable {
        let item: WorklistItem
        let locale: String
        let late: Bool
    }
}
