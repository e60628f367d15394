import Foundation
import Testing

@testable import RegieCore

@Suite("Director and plan norms, caseload, conferences and the meeting agenda per profile")
struct DirectorNormsTests {
    let library = try! ProfileLibrary.bundled()
    let calendar = WorkingDayCalendar()

    @Test("Enschede appoints the probleemhouder within 5 working days of the coordination decision")
    func enschedeDirector() throws {
        let norm = CaseDirectorNorm(profile: try #require(library.profile(code: "enschede")), calendar: calendar)
        let friday = Day("2026-03-06")!
        let due = Day("2026-03-13")!
        #expect(norm.status(decided: friday, appointed: nil, today: friday.adding(days: 3)) == .open(due: due))
        #expect(norm.status(decided: friday, appointed: nil, today: due.adding(days: 1)) == .overdue(due: due))
        #expect(norm.status(decided: friday, appointed: due, today: due.adding(days: 9)) == .decidedInTime(due: due))
        let rotterdam = CaseDirectorNorm(profile: try #require(library.profile(code: "rotterdam")), calendar: calendar)
        #expect(rotterdam.status(decided: friday, appointed: nil, today: due.adding(days: 30)) == .noNorm)
    }

    @Test("Enschede brings the plan to the conference within 10 working days of the appointment")
    func enschedePlan() throws {
        let norm = PlanToConferenceNorm(profile: try #require(library.profile(code: "enschede")), calendar: calendar)
        let monday = Day("2026-03-02")!
        #expect(norm.status(directorAppointed: monday, adopted: nil, today: monday) == .open(due: Day("2026-03-16")!))
        #expect(norm.status(directorAppointed: monday, adopted: Day("2026-03-17")!, today: monday).isOverdue == false)
        #expect(
            norm.status(directorAppointed: monday, adopted: Day("2026-03-17")!, today: monday)
                == .decidedLate(due: Day("2026-03-16")!))
    }

    @Test("A report on the adopted plan is due 3 months after adoption where the profile says so")
    func progressReport() throws {
        let norm = ProgressReportNorm(profile: try #require(library.profile(code: "enschede")), calendar: calendar)
        let adopted = Day("2026-03-02")!
        #expect(!norm.isDue(since: adopted, today: Day("2026-06-01")!))
        #expect(norm.isDue(since: adopted, today: Day("2026-06-02")!))
    }

    @Test("Amsterdam warns above 10 households per gezinsmanager; networks without a maximum never warn")
    func caseload() throws {
        let amsterdam = try #require(library.profile(code: "amsterdam"))
        #expect(!CaseloadWarning(households: 10, profile: amsterdam).isAboveMaximum)
        #expect(CaseloadWarning(households: 10, profile: amsterdam).wouldExceedWithOneMore)
        #expect(CaseloadWarning(households: 11, profile: amsterdam).isAboveMaximum)
        #expect(
            !CaseloadWarning(households: 40, profile: try #require(library.profile(code: "enschede"))).isAboveMaximum)
        #expect(amsterdam.displayName(for: .caseDirector, generic: "regisseur") == "gezinsmanager")
        #expect(amsterdam.label(for: .caseDirector, generic: "regisseur") == "Gezinsmanager")
        // A network without its own name uses the role's title: in a sentence with a lower-case first letter.
        let enschede = try #require(library.profile(code: "enschede"))
        #expect(enschede.displayName(for: .policyOfficer, generic: "Beleidsmedewerker") == "beleidsmedewerker")
        #expect(enschede.label(for: .policyOfficer, generic: "Beleidsmedewerker") == "Beleidsmedewerker")
    }

    @Test("Leeuwarden always invites the household, Zwolle at the first meeting; chair and content lead differ")
    func conferences() throws {
        let leeuwarden = try #require(library.profile(code: "leeuwarden"))
        let zwolle = try #require(library.profile(code: "zwolle"))
        #expect(ConferenceInvitation.invitesHousehold(profile: leeuwarden, isFirstConference: false))
        #expect(ConferenceInvitation.invitesHousehold(profile: zwolle, isFirstConference: true))
        #expect(!ConferenceInvitation.invitesHousehold(profile: zwolle, isFirstConference: false))
        #expect(
            !ConferenceInvitation.invitesHousehold(
                profile: try #require(library.profile(code: "rotterdam")), isFirstConference: true))
        let one = UserID()
        #expect(ConferenceRoles.problems(chair: one, contentLead: one) == ["contentLead": "error.chair_is_lead"])
        #expect(ConferenceRoles.problems(chair: nil, contentLead: one) == ["chair": "error.required"])
        #expect(ConferenceRoles.problems(chair: one, contentLead: UserID()).isEmpty)
    }

    @Test("The agenda lists cases needing discussion, or every open case in Leeuwarden, with time per case")
    func agenda() {
        let quiet = NetworkMeetingAgenda.Case(household: HouseholdID(), reference: "B", phase: .active, reasons: [])
        let stalled = NetworkMeetingAgenda.Case(
            household: HouseholdID(), reference: "C", phase: .active, reasons: [.commitmentAttention, .evaluationDue])
        let signal = NetworkMeetingAgenda.Case(
            household: HouseholdID(), reference: "A", phase: .intake, reasons: [.decisionDue])
        let closed = NetworkMeetingAgenda.Case(household: HouseholdID(), reference: "D", phase: .closed, reasons: [])
        let needs = NetworkMeetingAgenda.build(
            rule: .needsDiscussion, cases: [quiet, stalled, signal, closed], duration: 90)
        #expect(needs.items.map(\.reference) == ["A", "C"])
        #expect(needs.items[1].reasons == [.commitmentAttention, .evaluationDue])
        #expect(needs.minutesPerCase == 45)
        let all = NetworkMeetingAgenda.build(
            rule: .allOpenCases, cases: [quiet, stalled, signal, closed], duration: 90)
        #expect(all.items.map(\.reference) == ["A", "C", "B"], "closed cases are not open")
        #expect(all.minutesPerCase == 30)
        #expect(NetworkMeetingAgenda.build(rule: .needsDiscussion, cases: [quiet], duration: 60).minutesPerCase == nil)
    }

    @Test("Score history: the latest per member and domain, the household's mean per day")
    func history() {
        let first = Day("2026-01-10")!, second = Day("2026-04-10")!
        let history = ScoreHistory([
            DomainScore(person: "p", domain: "wonen", score: .acute, assessedOn: first, assessor: "A"),
            DomainScore(person: "p", domain: "werken", score: .barelySelfReliant, assessedOn: first, assessor: "A"),
            DomainScore(
                person: "p", domain: "wonen", score: .sufficientlySelfReliant, assessedOn: second, assessor: "B"),
        ])
        #expect(history.latest["p"]?["wonen"]?.score == .sufficientlySelfReliant)
        #expect(history.domainsNeedingGoals.isEmpty)
        #expect(history.householdMeans().map(\.mean) == [2.0, 3.5])
        #expect(history.series(person: "p", domain: "wonen").map(\.assessor) == ["A", "B"])
    }
}
