import Foundation
import HummingbirdTesting
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("Several app servers on one database: background work is done once")
struct ScaleOutTests {
    /// An adopted case with two escalations raised today, whose rungs rise when the norm watch looks 40 days on.
    static func escalatedCase(_ harness: Harness, _ client: any TestClientProtocol) async throws {
        var (director, partner, _, caseDirector) = try await CaseWorkTests.team(harness, client)
        let (id, _, _) = try await CaseLifeTests.adoptedCase(
            harness, director: &director, partner: &partner, caseDirector: caseDirector)
        for kind in ["content", "organisational"] {
            _ = try await director.post(
                "/cases/\(id)/escalations",
                [
                    ("escalation_kind", kind), ("escalated_on", Day(Date()).dutch),
                    ("escalation_reason", "Vastgelopen"), ("blocking_rule", "Wachtlijst"),
                    ("blocking_organisation", harness.organisation.id.rawValue),
                ])
        }
    }

    @Test(
        "Two servers run the norm watch at the same moment: each rise is recorded and told once",
        arguments: TestDatabases.backends)
    func twoServers(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            try await Self.escalatedCase(harness, client)
            let second = try await WebApp(database: harness.app.database, configuration: harness.app.configuration)
            let later = Day(Date()).adding(days: 40)
            async let one = NormWatch(app: harness.app).run(today: later)
            async let two = NormWatch(app: second).run(today: later)
            let rises = try await one.rises + two.rises
            #expect(rises >= 4, "two escalations, two rungs each after 40 days")
            let events = try await CaseWorkTests.column(
                harness, "SELECT id AS v FROM timeline_events WHERE kind = 'escalation.risen'")
            #expect(events.count == rises, "every rise recorded once, whichever server noticed it")
            let told = try await CaseWorkTests.column(
                harness, "SELECT user_id || dedupe_key AS v FROM notifications WHERE kind = 'escalation_risen'")
            #expect(told.count == Set(told).count, "nobody told twice")
        }
    }

    @Test(
        "After a restart the norm watch picks up where it was and does nothing twice",
        arguments: TestDatabases.backends)
    func restart(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            try await Self.escalatedCase(harness, client)
            let later = Day(Date()).adding(days: 40)
            #expect(try await NormWatch(app: harness.app).run(today: later).rises >= 4)
            let count = { (sql: String) in try await CaseWorkTests.column(harness, sql).count }
            let events = try await count("SELECT id AS v FROM timeline_events WHERE kind = 'escalation.risen'")
            let told = try await count("SELECT id AS v FROM notifications")
            // A new process on the same database: nothing of the server before survives but what it stored.
            let restarted = try await WebApp(database: harness.app.database, configuration: harness.app.configuration)
            #expect(try await NormWatch(app: restarted).run(today: later).rises == 0)
            #expect(try await count("SELECT id AS v FROM timeline_events WHERE kind = 'escalation.risen'") == events)
            #expect(try await count("SELECT id AS v FROM notifications") == told)
            // Ten days further the next rungs rise once, on the restarted server.
            let rises = try await NormWatch(app: restarted).run(today: later.adding(days: 10)).rises
            #expect(
                try await count("SELECT id AS v FROM timeline_events WHERE kind = 'escalation.risen'") == events + rises
            )
        }
    }
}
