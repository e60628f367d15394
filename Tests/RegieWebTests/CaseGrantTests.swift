import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("Case page decided on the access context kept at the household's version")
struct CaseGrantTests {
    @Test(
        "The case page decides on the context kept at the version it reads, and reads afresh once the version rises",
        arguments: TestDatabases.backends)
    func keptWhileTheVersionStands(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, _) = try await CaseWorkTests.team(harness, client)
            let id = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
            let household = HouseholdID(rawValue: id)
            let page = "/cases/\(id)"
            #expect(try await partner.get(page).status == .ok)
            let db = harness.app.database.sql
            let version = try #require(try await DirectoryVersion.caseStamp(of: household, on: db)).facts
            let today = Day(Date())
            let kept = try #require(await harness.app.householdFacts.fresh([(household, version)], today: today).first)
            let real = try #require(kept).context
            let partnerID = UserID(
                rawValue: try await CaseWorkTests.column(
                    harness, "SELECT id AS v FROM users WHERE email = 'partner@test.nl'")[0])
            #expect(real.careTeam.contains(partnerID) || real.reporters.contains(partnerID))

            // A context kept at the current version is what decides: one without the partner refuses the partner.
            let without = HouseholdAccessContext(
                household: household, network: real.network, phase: real.phase, lawfulBasis: real.lawfulBasis)
            await harness.app.householdFacts.keep([.init(version: version, day: today, context: without)])
            #expect(try await partner.get(page).status == .forbidden)
            // Any recorded change raises the version, and the next view reads the context afresh.
            try await harness.app.database.write { tx in try await HouseholdStore.touch(household, on: tx) }
            #expect(try await partner.get(page).status == .ok)
        }
    }
}
