import Foundation
import Testing

@testable import RegieCore

@Suite("Profile overrides: read from the form, applied to the profile, stored and shown again")
struct ProfileOverridesTests {
    private let enschede = try! ProfileLibrary.bundled().profile(code: "enschede")!

    @Test("Dutch periods read back what `dutch` shows; anything else is refused")
    func periods() {
        for period in [
            NormPeriod(5, .workingDays), NormPeriod(1, .months), NormPeriod(24, .hours), NormPeriod(2, .weeks),
        ] {
            #expect(NormPeriod(dutch: period.dutch) == period)
        }
        #expect(NormPeriod(dutch: "3 Dagen") == NormPeriod(3, .calendarDays))
        for wrong in ["vijf dagen", "5", "0 werkdagen", "5 jaren", "5 werkdagen extra"] {
            #expect(NormPeriod(dutch: wrong) == nil, "\(wrong)")
        }
    }

    @Test("Typed fields become overrides; empty keeps the profile, 'geen' removes a norm or a maximum")
    func read() {
        let typed = [
            "role_case_director": "gezinscoach", "norm_eligibilityDecision": "3 werkdagen",
            "norm_progressTalk": "geen", "aftercare_intervals": "3 maanden, 12 maanden", "caseload_maximum": "geen",
            "agenda_rule": "all_open_cases", "pseudonymised": "yes", "norm_planToConference": "",
        ]
        let (overrides, problems) = ProfileOverrideForm.read { typed[$0] }
        #expect(problems.isEmpty)
        #expect(overrides.count == 7)
        let profile = enschede.applying(overrides)
        #expect(profile.displayName(for: .caseDirector, generic: "") == "gezinscoach")
        #expect(profile.displayName(for: .networkDirector, generic: "") == "teamleider", "other names stay")
        #expect(profile.norms.eligibilityDecision == NormPeriod(3, .workingDays))
        #expect(profile.norms.progressTalk == nil)
        #expect(profile.norms.planToConference == NormPeriod(10, .workingDays))
        #expect(profile.aftercare == [NormPeriod(3, .months), NormPeriod(12, .months)])
        #expect(profile.caseloadMaximum == nil && profile.agendaRule == .allOpenCases && profile.pseudonymised)
        #expect(
            ProfileOverrideForm.fields(overrides).filter { !$0.value.isEmpty } == typed.filter { !$0.value.isEmpty })
    }

    @Test("Wrong fields come back as problems per field")
    func problems() {
        let typed = [
            "norm_eligibilityDecision": "snel", "aftercare_intervals": "3 maanden; 6", "caseload_maximum": "-1",
            "inclusion_domains": "drie", "plan_drafter": "anyone", "pseudonymised": "maybe",
            "role_network_director": String(repeating: "x", count: 61),
        ]
        let (_, problems) = ProfileOverrideForm.read { typed[$0] }
        #expect(
            problems == [
                "norm_eligibilityDecision": "error.norm_period", "aftercare_intervals": "error.norm_periods",
                "caseload_maximum": "error.whole_number", "inclusion_domains": "error.whole_number",
                "plan_drafter": "error.invalid_choice", "pseudonymised": "error.invalid_choice",
                "role_network_director": "error.role_name_too_long",
            ])
    }

    @Test("Overrides survive JSON, including a removed norm")
    func json() throws {
        var overrides = ProfileOverrides()
        overrides.norms["progressTalk"] = .some(nil)
        overrides.norms["progressReport"] = NormPeriod(2, .months)
        let back = try JSONDecoder().decode(ProfileOverrides.self, from: JSONEncoder().encode(overrides))
        #expect(back == overrides)
        #expect(enschede.applying(back).norms.progressTalk == nil)
    }

    @Test("An operator's profile file replaces the bundled profile with its code and adds new ones")
    func operatorDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let encoder = JSONEncoder()
        var own = enschede
        own.caseloadMaximum = 9
        try encoder.encode(own).write(to: directory.appendingPathComponent("enschede.json"))
        let library = try ProfileLibrary.bundled(operatorDirectory: directory)
        #expect(library.profiles.count == 7 && library.profile(code: "enschede")?.caseloadMaximum == 9)
        try Data("{".utf8).write(to: directory.appendingPathComponent("kapot.json"))
        #expect(throws: ProfileLibrary.LoadError.self) { try ProfileLibrary.bundled(operatorDirectory: directory) }
    }
}
