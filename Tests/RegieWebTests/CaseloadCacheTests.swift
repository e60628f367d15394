import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("CaseloadCache")
struct CaseloadCacheTests {
    @Test(
        "A kept caseload count follows an appointment and a closure at once, on the case page and the case list",
        arguments: TestDatabases.backends)
    func followsChanges(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, caseDirector) = try await CaseWorkTests.team(harness, client)
            let id = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
            let row = { (count: Int) in "<td>Probleemhouder</td><td>\(count)</td>" }
            #expect(
                try await director.get("/cases/\(id)").body.contains("Probleemhouder — GGD Testregio (0 huishoudens)"))
            #expect(try await director.get("/cases").body.contains(row(0)))
            #expect(try await harness.app.caseloads(in: harness.network.id).isEmpty)

            let appointed = try await director.post(
                "/cases/\(id)/director",
                [
                    ("director", caseDirector.id.rawValue), ("direction", "casusregie"),
                    ("director_from", Day(Date()).dutch),
                ])
            #expect(appointed.status == .found)
            #expect(try await director.get("/cases").body.contains(row(1)))
            #expect(
                try await director.get("/cases/\(id)").body.contains("Probleemhouder — GGD Testregio (1 huishouden)"))
            #expect(try await harness.app.caseloads(in: harness.network.id) == [caseDirector.id: 1])

            // A change written by another app server reaches this one's count through the household's stamp.
            let roles: Set = [RoleAssignment(role: .networkDirector, network: harness.network.id)]
            let other = try await harness.user("elders@test.nl", roles)
            let second = try await harness.user(
                "tweede@test.nl", [RoleAssignment(role: .caseDirector, network: harness.network.id)])
            let grant = try await AccessGuard.authorize(
                AccessActor(user: other.id, organisation: other.organisation, assignments: roles), .decide,
                household: HouseholdID(rawValue: id), requestID: nil, database: harness.app.database)
            try await harness.app.database.write { db in
                try await DirectorStore.appoint(second, kind: .caseDirection, from: Day(Date()), grant: grant, on: db)
            }
            #expect(try await harness.app.caseloads(in: harness.network.id) == [second.id: 1])
        }
    }

    @Test(
        "After a change the caseloads move by the changed households only and come to the same as counting them all",
        arguments: TestDatabases.backends)
    func movesByTheChangedHouseholds(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, caseDirector) = try await CaseWorkTests.team(harness, client)
            let id = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
            let network = harness.network.id
            let second = try await harness.user(
                "tweede@test.nl", [RoleAssignment(role: .caseDirector, network: network)])
            var earlier = Caseloads(counting: try await harness.app.networkEntries(network, today: Day(Date())))
            /// The count moved on from the one before, checked against counting every household afresh.
            func moved() async throws -> [UserID: Int] {
                let entries = try await harness.app.networkEntries(network, today: Day(Date()))
                let next = try #require(Caseloads(entries: entries, from: earlier))
                #expect(next.loads == Caseloads(counting: entries).loads)
                earlier = next
                return next.loads
            }
            #expect(try await moved().isEmpty)

            for (appointee, expected) in [(caseDirector, [caseDirector.id: 1]), (second, [second.id: 1])] {
                let appointed = try await director.post(
                    "/cases/\(id)/director",
                    [
                        ("director", appointee.id.rawValue), ("direction", "casusregie"),
                        ("director_from", Day(Date()).dutch),
                    ])
                #expect(appointed.status == .found)
                #expect(try await moved() == expected)
            }
            // A new household (a new signal) adds a household without a director.
            _ = try await partner.post("/signals/new", SignalTests.fields())
            #expect(try await moved() == [second.id: 1])

            // Nothing changed since: the same count. From a reading these entries were not merged from (the
            // network's versions read whole elsewhere), nothing can be moved and the cache counts again instead.
            let same = Caseloads(counting: try await harness.app.networkEntries(network, today: Day(Date())))
            #expect(Caseloads(entries: same.entries, from: earlier)?.loads == [second.id: 1])
            let whole = try await NetworkFactVersions.read(network, after: nil, on: harness.app.database.sql)
            let apart = NetworkEntries(
                versions: whole, day: Day(Date()), aligned: Array(repeating: nil, count: whole.versions.count))
            #expect(Caseloads(entries: earlier.entries, from: Caseloads(counting: apart)) == nil)
        }
    }
}
