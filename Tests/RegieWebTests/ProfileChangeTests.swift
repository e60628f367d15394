import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("A changed profile shows at once in what lists keep")
struct ProfileChangeTests {
    @Test(
        "A norm the administrator changes moves the due dates on the worklist and in the overview rows kept before",
        arguments: TestDatabases.backends)
    func normChange(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, _) = try await CaseWorkTests.team(harness, client)
            let opened = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
            let user = try await WorklistTakeoverTests.networkDirector(harness)
            /// The due date on the open case's overview row (case list, agenda), as the lists keep it.
            func rowDue(_ network: Network) async throws -> String? {
                let profile = try #require(harness.app.profiles.profile(for: network))
                return try await CaseOverview(app: harness.app).candidates(
                    network: network, profile: profile, user: user, today: Day(Date())
                ).first { $0.row.household.rawValue == opened }?.row.directorNorm.due?.dutch
            }
            let today = Day(Date())
            let calendar = harness.app.calendar
            func due(_ network: Network) throws -> String {
                let profile = try #require(harness.app.profiles.profile(for: network))
                let status = CaseDirectorNorm(profile: profile, calendar: calendar)
                    .status(decided: today, appointed: nil, today: today)
                return try #require(status.due).dutch
            }
            let before = try due(harness.network)
            // Read twice, so the second answer comes from what the lists keep.
            for _ in 0..<2 { #expect(try await director.get("/").body.contains("uiterlijk \(before)")) }
            #expect(try await rowDue(harness.network) == before)

            var changed = harness.network
            changed.profileOverrides.norms[ProfileOverrides.NormKey.caseDirectorAfterDecision.rawValue] = NormPeriod(
                30, .workingDays)
            try await harness.app.accounts.saveNetwork(
                changed,
                members: [
                    NetworkMember(network: changed.id, organisation: harness.organisation.id, partnerType: .core)
                ],
                isNew: false, profiles: harness.app.profiles, by: nil)
            let after = try due(changed)
            #expect(after != before)
            let page = try await director.get("/").body
            #expect(page.contains("uiterlijk \(after)") && !page.contains("uiterlijk \(before)"))
            #expect(try await rowDue(changed) == after)
        }
    }
}
