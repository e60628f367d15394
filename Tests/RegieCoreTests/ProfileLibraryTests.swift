import Testing

@testable import RegieCore

@Suite("Workflow profiles")
struct ProfileLibraryTests {
    let library = try! ProfileLibrary.bundled()

    @Test("The seven profiles of the sources are shipped, each once")
    func seven() {
        #expect(
            Set(library.profiles.map(\.code))
                == ["rotterdam", "leeuwarden", "enschede", "venlo", "zwolle", "amsterdam", "routekaart"])
    }

    @Test("Enschede: 5/5/10 working days, deciding vote, care budget, self-reliance")
    func enschede() throws {
        let p = try #require(library.profile(code: "enschede"))
        #expect(p.norms.eligibilityDecision == NormPeriod(5, .workingDays))
        #expect(p.norms.caseDirectorAfterDecision == NormPeriod(5, .workingDays))
        #expect(p.norms.planToConference == NormPeriod(10, .workingDays))
        #expect(p.mandates.decidingVote && p.mandates.careBudget)
        #expect(p.closureCriterion == .selfReliant)
        #expect(p.advisoryInclusionDomains == 3)
        #expect(p.domains.map(\.code) == ["wonen", "zorg", "onderwijs", "veiligheid", "werken", "welzijn"])
        #expect(p.displayName(for: .caseDirector, generic: "x") == "probleemhouder")
    }

    @Test("Rotterdam: crisis check, concept plan by the coordinator, aftercare at 6 and 12 months")
    func rotterdam() throws {
        let p = try #require(library.profile(code: "rotterdam"))
        #expect(p.intake.crisisCheck)
        #expect(p.planDrafter == .networkDirector)
        #expect(p.aftercare == [NormPeriod(6, .months), NormPeriod(12, .months)])
        #expect(p.closureCriterion == .inRegularCare)
    }

    @Test("Leeuwarden: client numbers, every open case on the agenda, household always invited")
    func leeuwarden() throws {
        let p = try #require(library.profile(code: "leeuwarden"))
        #expect(p.pseudonymised)
        #expect(p.agendaRule == .allOpenCases)
        #expect(p.householdAtConference == .always)
    }

    @Test("Zwolle: institutions only, trigger, proof of own attempt, 24-hour intervention")
    func zwolle() throws {
        let p = try #require(library.profile(code: "zwolle"))
        #expect(p.intake.institutionsOnly && p.intake.proofOfOwnAttempt)
        #expect(p.intake.requiredTriggers == ["overlast", "dreigende_uithuiszetting"])
        #expect(p.norms.crisisIntervention == NormPeriod(24, .hours))
        #expect(p.householdAtConference == .firstMeeting)
    }

    @Test("Amsterdam: coordinator receives every signal, levels 0–4, caseload at most 10, five-rung ladder")
    func amsterdam() throws {
        let p = try #require(library.profile(code: "amsterdam"))
        #expect(p.intake.routeToCoordinator)
        #expect(p.familyLevels.map(\.level) == [0, 1, 2, 3, 4])
        #expect(p.caseloadMaximum == 10)
        #expect(p.escalation.organisational.count == 5)
        #expect(p.escalation.organisational.last?.name == "Wethouder")
    }

    @Test("Every profile has the norms all three networks share and ladders that answer in time")
    func common() {
        for p in library.profiles {
            #expect(p.norms.firstProgressContact == NormPeriod(1, .months), "\(p.code)")
            #expect(p.norms.progressReport == NormPeriod(3, .months), "\(p.code)")
            #expect(!p.escalation.organisational.isEmpty && !p.escalation.content.isEmpty, "\(p.code)")
            #expect(!p.aftercare.isEmpty, "\(p.code)")
            #expect(!p.sources.isEmpty, "\(p.code)")
            for key in p.roleNames.keys { #expect(Role(rawValue: key) != nil, "\(p.code): \(key)") }
        }
    }

    @Test("Norm periods give the due day")
    func normDue() {
        let calendar = WorkingDayCalendar()
        let start = Day("2026-11-20")!
        #expect(NormPeriod(5, .workingDays).dueDay(from: start, calendar: calendar) == Day("2026-11-27"))
        #expect(NormPeriod(1, .months).dueDay(from: start, calendar: calendar) == Day("2026-12-20"))
        #expect(NormPeriod(24, .hours).dueDay(from: start, calendar: calendar) == Day("2026-11-21"))
        #expect(NormPeriod(10, .workingDays).dutch == "10 werkdagen")
    }
}
