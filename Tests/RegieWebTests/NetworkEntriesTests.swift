import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("NetworkEntries")
struct NetworkEntriesTests {
    @Test(
        "After a change the network's kept entries are taken over but for the households that changed or came",
        arguments: TestDatabases.backends)
    func takenOver(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, _ in
            let assignments: Set<RoleAssignment> = [RoleAssignment(role: .partnerWorker, network: harness.network.id)]
            let partner = try await harness.user("melder@test.nl", assignments)
            let reporter = AccessActor(user: partner.id, organisation: partner.organisation, assignments: assignments)
            var made: [HouseholdID] = []
            for family in ["Een", "Twee", "Drie"] {
                made.append(try await WorklistTakeoverTests.signal(family, harness, reporter: reporter))
            }
            let households = made
            let today = Day(Date())
            let first = try await harness.app.networkEntries(harness.network.id, today: today)
            #expect(Set(first.all.map(\.household)) == Set(households))
            let again = try await harness.app.networkEntries(harness.network.id, today: today)
            #expect(again.reading == first.reading, "nothing changed: the same entries")

            try await harness.app.database.write { tx in try await HouseholdStore.touch(households[1], on: tx) }
            let added = try await WorklistTakeoverTests.signal("Vier", harness, reporter: reporter)
            let next = try await harness.app.networkEntries(harness.network.id, today: today)
            #expect(next.versions.changed(since: first.reading) == [households[1], added])
            let before = Dictionary(uniqueKeysWithValues: first.all.map { ($0.household, $0) })
            let after = Dictionary(uniqueKeysWithValues: next.all.map { ($0.household, $0) })
            #expect(after[households[0]] === before[households[0]], "an unchanged household's entry is taken over")
            #expect(after[households[2]] === before[households[2]])
            #expect(after[households[1]] !== before[households[1]], "the changed one is read again")
            #expect(after[households[1]]?.version == (before[households[1]]?.version ?? 0) + 1)
            #expect(next.all.last?.household == added, "a new household comes last")
            #expect(next.entries(of: [added, households[0]]).map(\.household) == [households[0], added])

            // A day later nothing is taken over: norms move with the calendar.
            let tomorrow = try await harness.app.networkEntries(harness.network.id, today: today.adding(days: 1))
            #expect(tomorrow.all.allSatisfy { entry in entry !== after[entry.household] })
        }
    }
}
