import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("Retention purge: closed files past the period are anonymised for good; held and open files are kept")
struct RetentionTests {
    @Test(
        "The purge blanks names, texts and summaries, keeps codes, logs itself, and the log stays append-only",
        arguments: TestDatabases.backends)
    func purge(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, _) = try await CaseWorkTests.team(harness, client)
            let id = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
            let page = "/cases/\(id)"
            _ = try await director.post(
                "/policy-signals",
                [("case", id), ("category", "waiting_list"), ("description", "Wachtlijst schuldhulp voor Kees Jansen")])
            _ = try await director.post(
                "\(page)/closure",
                [
                    ("closure_reason", "deceased"), ("closed_on", Day(Date()).dutch), ("safety_check", "safe"),
                    ("closure_safety_note", "Kees Jansen is overleden; Sam woont bij oma"),
                ])
            let held = try await director.post("\(page)/legal-hold", [("hold_reason", " ")])
            #expect(held.body.contains("Vul dit veld in."))
            _ = try await director.post("\(page)/legal-hold", [("hold_reason", "Lopende rechtszaak")])
            let watch = NormWatch(app: harness.app)
            let later = Day(Date()).adding(months: 12 * 16)
            #expect(try await watch.run(today: later).purged == 0, "a legal hold keeps the file")
            _ = try await director.post("\(page)/legal-hold/lift", [])
            #expect(try await watch.run(today: Day(Date()).adding(months: 12 * 14)).purged == 0, "within 15 years")
            #expect(try await watch.run(today: later).purged == 1)
            #expect(try await watch.run(today: later).purged == 0, "once")

            func values(_ sql: String) async throws -> [String] { try await CaseWorkTests.column(harness, sql) }
            #expect(try await values("SELECT given_name || family_name AS v FROM persons") == ["", ""])
            #expect(
                try await values("SELECT CAST(COUNT(*) AS TEXT) AS v FROM persons WHERE birth_date IS NOT NULL").first
                    == "0")
            #expect(try await values("SELECT description AS v FROM signals") == [""])
            #expect(try await values("SELECT safety_note AS v FROM closures") == [""])
            #expect(try await values("SELECT description || category AS v FROM policy_signals") == ["waiting_list"])
            #expect(try await values("SELECT reason AS v FROM closures") == ["deceased"], "codes stay for the figures")
            let summaries = Set(try await values("SELECT summary AS v FROM timeline_events"))
            #expect(summaries == ["—", "Na de bewaartermijn geanonimiseerd"])
            let closed = try await values("SELECT after_json AS v FROM timeline_events WHERE kind = 'case.closed'")
            #expect(closed.first?.contains("\"reason\":\"deceased\"") == true)
            #expect(try await values("SELECT action AS v FROM admin_log WHERE action = 'retention_purge'").count == 1)
            #expect(
                try await values("SELECT CAST(COUNT(*) AS TEXT) AS v FROM households WHERE purged_at IS NOT NULL").first
                    == "1")
            await #expect(throws: (any Error).self, "the timeline is append-only again after the purge") {
                try await harness.app.database.write {
                    try await $0.raw("UPDATE timeline_events SET summary = 'x'").run()
                }
            }
            #expect(!(try await director.get(page).body.contains("Jansen")))
        }
    }

    @Test("Open cases and cases in aftercare are never purged")
    func openCases() async throws {
        try await Harness.run(.sqlite) { harness, client in
            var (director, partner, _, _) = try await CaseWorkTests.team(harness, client)
            _ = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
            let watch = NormWatch(app: harness.app)
            #expect(try await watch.run(today: Day(Date()).adding(months: 12 * 50)).purged == 0)
        }
    }
}
