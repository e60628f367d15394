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

    @Test("A kept part's rows are kept under its identity; lists alike at their ends are told apart by their rows")
    func keys() async throws {
        try await TestDatabases.with(.sqlite) { db in
            let app = try await WebApp(database: db, configuration: RegieConfiguration())
            let middle = WorklistItem(
                kind: .stalled, link: "/cases/x", reference: "2026-EF3", why: "worklist.why.stalled", whyValues: ["2"],
                since: Day("2026-11-04")!, due: nil)
            let longer = [Self.items[0], middle, Self.items[1]]
            let other = [Self.items[0], Self.items[1], Self.items[1]]
            let rows = { (items: [WorklistItem], part: UInt64?) in
                WorklistRows(items: items, part: part, locale: "nl", today: Self.due).html(app: app)
            }
            let merged = rows(longer, nil)
            #expect(merged.contains("2026-EF3"))
            #expect(!rows(other, nil).contains("2026-EF3"), "same length, first and last row: still another list")
            #expect(app.worklistRows.count == 2)
            #expect(rows(longer, 7) == merged, "a part's rows are the same text")
            #expect(app.worklistRows.count == 3, "kept under the part, apart from the merged list's")
            #expect(rows(longer, 7) == merged)
            #expect(app.worklistRows.count == 3, "the part seen again is its kept text")
            #expect(
                WorklistRows(items: longer, part: 7, locale: "nl", today: Self.due)
                    != WorklistRows(items: longer, part: 8, locale: "nl", today: Self.due))
        }
    }

    @Test("Rows are written exactly as the worklist's markup wants them, with and without a due day")
    func markup() async throws {
        try await TestDatabases.with(.sqlite) { db in
            let app = try await WebApp(database: db, configuration: RegieConfiguration())
            let html = WorklistRows(items: Self.items, locale: "nl", today: Self.due.adding(days: 1)).html(app: app)
            let t = app.views.translations
            let kind = { (item: WorklistItem) in HTMLEscaping.escape(t.text(item.kind.textKey, "nl")) }
            let why = HTMLEscaping.escape(String(format: t.text("worklist.why.break_glass", "nl"), "Jan & Piet"))
            let expected =
                "    <li><span><a href=\"/access/break-glass\"><strong>\(kind(Self.items[0]))</strong> — 2026-AB&lt;1&gt;"
                + "</a><br><span class=\"why\">\(why)</span></span>\n    <span>sinds 02-11-2026</span></li>\n"
                + "    <li><span><a href=\"/inbox\"><strong>\(kind(Self.items[1]))</strong> — 2026-CD2</a><br>"
                + "<span class=\"why\">\(HTMLEscaping.escape(t.text("worklist.why.information_request", "nl")))"
                + "</span></span>\n    <span>sinds 03-11-2026<br><span class=\"late\">uiterlijk 20-11-2026</span>"
                + "</span></li>\n"
            #expect(html == expected)
        }
    }
}
