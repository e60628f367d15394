import Foundation
import HummingbirdTesting
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("CaseFactsCache")
struct CaseFactsCacheTests {
    /// A case with an adopted plan whose care team agreed to share the whole file, with the signed-in network
    /// director, partner and case director.
    static func sharedCase(_ harness: Harness, _ client: any TestClientProtocol) async throws
        -> (id: String, director: Browser, partner: Browser, lead: Browser)
    {
        var (director, partner, lead, caseDirector) = try await CaseWorkTests.team(harness, client)
        let (id, _, _) = try await CaseLifeTests.adoptedCase(
            harness, director: &director, partner: &partner, caseDirector: caseDirector)
        _ = try await lead.post(
            "/cases/\(id)/sharing", [("sharing", "agreed"), ("sharing_note", "Casusoverleg, akkoord")])
        return (id, director, partner, lead)
    }

    @Test(
        "A kept case page follows a change to the household, a renamed person and a renamed network at once",
        arguments: TestDatabases.backends)
    func followsChanges(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, caseDirector) = try await CaseWorkTests.team(harness, client)
            let id = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
            let page = "/cases/\(id)"
            #expect(try await director.get(page).body.contains("Probleemhouder — GGD Testregio"))

            // A change to the household: a new event moves its fact version.
            #expect(
                try await director.post(
                    "\(page)/director",
                    [
                        ("director", caseDirector.id.rawValue), ("direction", "casusregie"),
                        ("director_from", Day(Date()).dutch),
                    ]
                ).status == .found)
            #expect(try await director.get(page).body.contains("Probleemhouder, GGD Testregio"))

            // Renames written by another app server, straight into the database: the household itself did not change.
            let db = harness.app.database.sql
            let network = try #require(try await NetworkStore.find(harness.network.id, on: db))
            let worker = try await harness.user(
                "werker@test.nl", [RoleAssignment(role: .partnerWorker, network: harness.network.id)])
            #expect(try await director.get(page).body.contains("Werker — GGD Testregio"))
            try await harness.app.database.write { db in
                var renamed = network
                renamed.name = "Zorgnetwerk Hernoemd"
                try await NetworkStore.update(renamed, on: db)
                var person = worker
                person.name = "Werker Hernoemd"
                try await UserStore.update(person, on: db)
            }
            let body = try await director.get(page).body
            #expect(body.contains("<dt>Netwerk</dt><dd>Zorgnetwerk Hernoemd</dd>"))
            #expect(body.contains("Werker Hernoemd — GGD Testregio"))
        }
    }

    @Test(
        "Kept facts are shown under each viewer's own grant, never the first viewer's",
        arguments: TestDatabases.backends)
    func ownGrant(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (id, director, partner, _) = try await Self.sharedCase(harness, client)
            let page = "/cases/\(id)"
            let decideForm = "action=\"/cases/\(id)/director\""
            #expect(try await director.get(page).body.contains(decideForm))
            let shared = try await partner.get(page)
            #expect(shared.status == .ok && shared.body.contains("action=\"/cases/\(id)/assessment\""))
            #expect(!shared.body.contains(decideForm), "a care-team partner takes no decisions")
            #expect(try await director.get(page).body.contains(decideForm))
            let rules = try await CaseWorkTests.column(
                harness,
                "SELECT a.action || ':' || a.rule AS v FROM access_log_by_household a JOIN users u ON u.id = a.user_id "
                    + "WHERE u.email = 'partner@test.nl' AND a.household_id = '\(id)' AND a.allowed = true")
            #expect(rules.contains("view_content:care_team_member_with_basis"), "every view is decided and logged")
        }
    }
}
