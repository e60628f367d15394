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

        var values: [String: Any] {
            [
                "id": id, "received": received, "reference": reference, "reporter": reporter,
                "organisation": organisation, "concerns": concerns, "crisis": crisis, "urgent": urgent, "age": age,
                "due": due, "overdue": overdue, "status": status, "decidedLate": decidedLate,
            ]
        }
    }

    let rows: [Row]
    let locale: String

    /// The `<tr>` rows, rendered with `signal_rows` the first time this page is seen.
    func html(app: WebApp) -> String {
        app.signalRows.html(for: self) {
            app.views.fragment("signal_rows", locale: locale, values: ["rows": rows.map(\.values)])
        }
    }
}
