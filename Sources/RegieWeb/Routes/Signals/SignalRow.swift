import Foundation

/// One signal as the signal list shows it, holding only what it shows, written as a `<tr>` by Swift rather than a
/// template: after every new signal the first page is new, and Mustache's lookups through dynamic casts made a
/// hundred rows 7 % of the server's time in a loop of intake and signal list at region scale. Each line of a derived
/// list keeps its row's HTML once written (`SignalListView.Line`); the access log records each view when the lines
/// are read (`SignalListView`).
struct SignalRow: Sendable {
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
