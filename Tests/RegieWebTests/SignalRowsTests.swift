import Foundation
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("Signal rows")
struct SignalRowsTests {
    static func row(_ id: String, overdue: Bool) -> SignalRows.Row {
        SignalRows.Row(
            id: id, received: "02-11-2026", reference: "2026-<b>", reporter: "Jan & Piet", organisation: "GGD",
            concerns: "Wonen, Financiën", crisis: true, urgent: false, age: "3", due: "09-11-2026", overdue: overdue,
            status: "Nieuw", decidedLate: false)
    }

    @Test("A page of rows renders each signal escaped, marks the overdue ones, and is kept per rows and language")
    func rows() async throws {
        try await TestDatabases.with(.sqlite) { db in
            let app = try await WebApp(database: db, configuration: RegieConfiguration())
            let rows = [Self.row("s1", overdue: true), Self.row("s2", overdue: false)]
            let html = SignalRows(rows: rows, locale: "nl").html(app: app)
            #expect(html.components(separatedBy: "<tr").count == 3)
            #expect(html.components(separatedBy: "class=\"overdue\"").count == 2)
            #expect(html.contains("href=\"/signals/s1\"") && html.contains("2026-&lt;b&gt;"))
            #expect(html.contains("Jan &amp; Piet") && html.contains("Wonen, Financiën"))
            let overdue = app.views.translations.text("signals.overdue", "en")
            #expect(SignalRows(rows: rows, locale: "en").html(app: app).contains(HTMLEscaping.escape(overdue)))
            #expect(!html.contains(HTMLEscaping.escape(overdue)))
            #expect(SignalRows(rows: rows, locale: "nl").html(app: app) == html)
            #expect(app.signalRows.count == 2)
        }
    }
}
