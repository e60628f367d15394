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
}
