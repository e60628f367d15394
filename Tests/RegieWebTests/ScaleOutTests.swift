import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("Several app servers on one database: background work is done once")
struct ScaleOutTests {
    @Test(
        "Two servers run the norm watch at the same moment: each rise is recorded and told once",
        arguments: TestDatabases.backends)
    func twoServers(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
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
}
