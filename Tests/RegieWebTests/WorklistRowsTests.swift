import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("Worklist rows")
struct WorklistRowsTests {
    static let due = Day("2026-11-20")!
    static let items = [
        WorklistItem(
            kind: .breakGlassReview, link: "/access/break-glass", reference: "2026-AB<1>",
            why: "worklist.why.break_glass", whyValues: ["Jan & Piet"], since: Day("2026-11-02")!, due: nil),
        WorklistItem(
            kind: .informationRequest, link: "/inbox", reference: "2026-CD2", why: "worklist.why.information_request",
            since: Day("2026-11-03")!, due: due),
    ]

    @Test("Rows follow from items, language and day: late after the due day, in English when asked, escaped")
    func rows() async throws {
        try await TestDatabases.with(.sqlite) { db in
            let app = try await WebApp(database: db, configuration: RegieConfiguration())
            let onTime = WorklistRows(items: Self.items, locale: "nl", today: Self.due).html(app: app)
            #expect(onTime.components(separatedBy: "<li>").count == 3)
            #expect(onTime.contains("2026-AB&lt;1&gt;") && onTime.contains("Jan &amp; Piet"))
            #expect(onTime.contains("20-11-2026") && !onTime.contains("class=\"late\""))
            let late = WorklistRows(items: Self.items, locale: "nl", today: Self.due.adding(days: 1)).html(app: app)
            #expect(late.contains("class=\"late\""))
            let english = WorklistRows(items: Self.items, locale: "en", today: Self.due).html(app: app)
            let t = app.views.translations
            #expect(english.contains(HTMLEscaping.escape(t.text("worklist.kind.break_glass_review", "en"))))
            #expect(onTime.contains(HTMLEscaping.escape(t.text("worklist.kind.break_glass_review", "nl"))))
            #expect(app.worklistRows.count == 3)
            #expect(WorklistRows(items: Self.items, locale: "nl", today: Self.due).html(app: app) == onTime)
            #expect(app.worklistRows.count == 3, "the same key again is the kept text")
        }
    }
}
