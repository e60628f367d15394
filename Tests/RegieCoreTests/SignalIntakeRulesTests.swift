import Testing

@testable import RegieCore

@Suite("Signal intake rules and the eligibility norm")
struct SignalIntakeRulesTests {
    let library = try! ProfileLibrary.bundled()
    let today = Day("2026-11-23")!

    func draft() -> SignalDraft {
        SignalDraft(
            persons: [
                SignalDraft.Person(
                    givenName: "Kees", familyName: "Jansen", birthDate: Day("1980-01-01"),
                    relation: .parent)
            ],
            street: "Lindelaan", houseNumber: "12", postcode: "7511AB", city: "Enschede", concerns: ["wonen"],
            description: "Huurachterstand en geluidsoverlast")
    }

    func problems(_ draft: SignalDraft, _ code: String, institution: Bool = true) -> [String: String] {
        SignalIntakeRules.problems(
            draft, profile: library.profile(code: code)!, reporterIsInstitution: institution,
            today: today)
    }

    @Test("A complete signal passes; missing essentials are named per field")
    func general() {
        #expect(problems(draft(), "enschede").isEmpty)
        var bad = draft()
        bad.persons = []
        bad.postcode = "75 AB"
        bad.concerns = []
        bad.description = " "
        let found = problems(bad, "enschede")
        #expect(found["persons"] == "error.signal_needs_person")
        #expect(found["postcode"] == "error.postcode_invalid")
        #expect(found["concerns"] == "error.signal_needs_concern")
        #expect(found["description"] == "error.required")
    }

    @Test("Persons without an address, unborn children and a wrong BSN")
    func persons() {
        var d = draft()
        d.noFixedAddress = true
        d.street = ""
        d.postcode = ""
        d.persons.append(
            SignalDraft.Person(
                givenName: "", familyName: "", birthDate: Day("2027-02-01"), unborn: true,
                relation: .child))
        #expect(problems(d, "enschede").isEmpty)
        d.persons[0].bsn = "111222334"
        d.persons[0].birthDate = Day("2030-01-01")
        #expect(problems(d, "enschede")["person0.bsn"] == "error.bsn_invalid")
        #expect(problems(d, "enschede")["person0.birthDate"] == "error.birth_date_future")
    }

    @Test("Not informing the household needs a reason; Enschede says the reporter must inform")
    func informed() {
        var d = draft()
        d.householdInformed = false
        #expect(problems(d, "enschede")["notInformedReason"] == "error.signal_must_inform")
        #expect(problems(d, "rotterdam")["notInformedReason"] == "error.signal_reason_not_informed")
        d.notInformedReason = "Zorgen over de veiligheid van de kinderen"
        #expect(problems(d, "enschede").isEmpty)
    }

    @Test("Zwolle: only institutions, a trigger and proof of an own attempt")
    func zwolle() {
        var d = draft()
        d.concerns = ["overlast"]
        let found = problems(d, "zwolle", institution: false)
        #expect(found["reporter"] == "error.signal_institutions_only")
        #expect(found["trigger"] == "error.signal_trigger_required")
        #expect(found["ownAttempt"] == "error.signal_own_attempt_required")
        d.trigger = "dreigende_uithuiszetting"
        d.ownAttempt = "Betalingsregeling aangeboden, twee keer niet nagekomen"
        #expect(problems(d, "zwolle").isEmpty)
    }

    @Test("Concerns must come from the network's domain list")
    func domains() {
        var d = draft()
        d.concerns = ["financien"]
        #expect(problems(d, "enschede")["concerns"] == "error.invalid_choice", "Enschede has its own six domains")
        #expect(problems(d, "rotterdam").isEmpty)
    }

    @Test("The Enschede eligibility norm: 5 working days, derived from the dates")
    func eligibilityNorm() {
        let norm = EligibilityNorm(profile: library.profile(code: "enschede")!, calendar: WorkingDayCalendar())
        let received = Day("2026-11-20")!  // a Friday
        #expect(
            norm.status(received: received, decided: nil, today: Day("2026-11-27")!)
                == .open(due: Day("2026-11-27")!))
        #expect(norm.status(received: received, decided: nil, today: Day("2026-11-30")!).isOverdue)
        #expect(
            norm.status(received: received, decided: Day("2026-11-26")!, today: Day("2026-12-10")!)
                == .decidedInTime(due: Day("2026-11-27")!))
        #expect(
            norm.status(received: received, decided: Day("2026-12-01")!, today: Day("2026-12-10")!)
                == .decidedLate(due: Day("2026-11-27")!))
        #expect(norm.age(received: received, today: Day("2026-11-30")!) == 6)
        let rotterdam = EligibilityNorm(profile: library.profile(code: "rotterdam")!, calendar: WorkingDayCalendar())
        #expect(rotterdam.status(received: received, decided: nil, today: Day("2027-01-01")!) == .noNorm)
    }

    @Test("The inclusion rule advises, it never blocks")
    func inclusion() {
        let enschede = library.profile(code: "enschede")!
        #expect(InclusionAdvice.meetsThreshold(domains: ["wonen", "zorg"], profile: enschede) == false)
        #expect(InclusionAdvice.meetsThreshold(domains: ["wonen", "zorg", "werken"], profile: enschede) == true)
        #expect(InclusionAdvice.meetsThreshold(domains: ["wonen"], profile: library.profile(code: "rotterdam")!) == nil)
        var d = draft()
        d.concerns = ["wonen"]
        #expect(problems(d, "enschede").isEmpty, "one domain is still a valid signal")
    }
}
