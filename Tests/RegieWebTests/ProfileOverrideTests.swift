import Foundation
import HummingbirdTesting
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

/// An administrator changes single settings of a network's profile through the network form, on both databases:
/// wrong input is refused beside its field with everything kept and nothing saved; saved changes are what the
/// network's pages then use; emptying the fields returns to the profile.
@Suite("Per-network profile overrides: set by the administrator, used by the network's pages")
struct ProfileOverrideTests {
    @Test(
        "A wrong norm is refused with the input kept; a saved override changes the norm and the words",
        arguments: TestDatabases.backends)
    func overrides(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var admin = Browser(client)
            _ = try await admin.login("beheer@test.nl")
            let path = "/admin/networks/\(harness.network.id.rawValue)"
            let form = try await admin.get(path).body
            #expect(form.contains("placeholder=\"probleemhouder\"") && form.contains("placeholder=\"5 werkdagen\""))
            let base = [
                ("name", "Testnetwerk"), ("municipality", "Teststad"), ("profile", "enschede"),
                ("member_\(harness.organisation.id)", "core"), ("active", "on"), ("retention_years", "15"),
            ]
            let stored = {
                try await CaseWorkTests.column(
                    harness, "SELECT profile_overrides AS v FROM networks WHERE name = 'Testnetwerk'")
            }
            let wrong = try await admin.post(
                path, base + [("role_case_director", "gezinscoach"), ("norm_eligibilityDecision", "vijf dagen")])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.body.contains("Schrijf een termijn als ‘5 werkdagen’"))
            #expect(wrong.body.contains("value=\"gezinscoach\"") && wrong.body.contains("value=\"vijf dagen\""))
            #expect(try await stored() == ["{}"], "nothing saved")

            let saved = try await admin.post(
                path,
                base + [
                    ("role_case_director", "gezinscoach"), ("norm_eligibilityDecision", "3 werkdagen"),
                    ("norm_goalWithoutProgress", "geen"), ("caseload_maximum", "12"),
                    ("agenda_rule", "all_open_cases"),
                ])
            #expect(saved.status == .found)
            #expect(try await admin.get("/admin/networks").body.contains("(5 aanpassingen)"))
            let network = try #require(try await NetworkStore.find(harness.network.id, on: harness.app.database.sql))
            let profile = try #require(harness.app.profiles.profile(for: network))
            #expect(profile.displayName(for: .caseDirector, generic: "") == "gezinscoach")
            #expect(profile.norms.eligibilityDecision == NormPeriod(3, .workingDays))
            #expect(profile.norms.goalWithoutProgress == nil && profile.caseloadMaximum == 12)
            #expect(profile.agendaRule == .allOpenCases)
            #expect(profile.norms.informationRoundAnswer == NormPeriod(5, .workingDays), "the rest as the profile")
            #expect(try await admin.get(path).body.contains("value=\"3 werkdagen\""), "the form shows what is set")

            var director = Browser(client)
            _ = try await director.login("regisseur@test.nl")
            #expect(try await director.get("/signals").body.contains("3 werkdagen"))

            #expect(try await admin.post(path, base).status == .found)
            #expect(try await stored() == ["{}"], "empty fields: back to the profile")
        }
    }
}
