import Foundation

/// A page of the signal list as HTML. A row holds only what it shows, so the rows and the language decide the text
/// and the same page seen again is not rendered again (`WebApp.signalRows`); the access log records each view when
/// the rows are read (`SignalListView`).
struct SignalRows: Hashable, Sendable {
    /// One signal as the list shows it.
    struct Row: Hashable, Sendable {
        let id: String
        let received: String
        let reference: String
        let reporter: String
        let organisation: String
        let concerns: String
        let crisis: Bool
        let urgent: Bool
        let age: String
        let due: String
        let overdue: Bool
        let status: String
        let decidedLate: Bool

        /// The row as `<tr>`, every value escaped; `texts` are the language's fixed texts.
        func html(_ texts: TemplateTexts) -> String {
            let text = texts.escaped
            let e = HTMLEscaping.escape
            var html = overdue ? "  <tr class=\"overdue\">\n" : "  <tr>\n"
            html += "    <td>\(e(received))</td><td><a href=\"/signals/\(e(id))\">\(e(reference))</a>"
            if crisis { html += " <strong class=\"tag crisis\">\(text("signal_crisis_tag"))</strong>" }
            if urgent { html += " <strong class=\"tag\">\(text("signal_urgency_urgent"))</strong>" }
            html += "</td>\n    <td>\(e(reporter))<br><span class=\"muted\">\(e(organisation))</span></td>"
            html += "<td>\(e(concerns))</td>\n    <td>\(e(age))</td><td>\(e(due))"
            if overdue { html += " <strong class=\"tag overdue-tag\">\(text("signals_overdue"))</strong>" }
            html += "</td><td>\(e(status))"
            if decidedLate { html += " <span class=\"tag\">\(text("signals_decided_late"))</span>" }
            return html + "</td>\n  </tr>\n"
        }
    }

    let rows: [Row]
    let locale: String

    /// The `<tr>` rows, written the first time this page is seen. Swift writes them rather than a template: after
    /// every new signal the first page is new, and Mustache's lookups through dynamic casts made a hundred rows 7 %
    /// of the server's time in a loop of intake and signal list at region scale.
    func html(app: WebApp) -> String {
        app.signalRows.html(for: self) {
            let texts = TemplateTexts(table: app.views.translations.table(locale))
            return rows.map { $0.html(texts) }.joined()
        }
    }
}
