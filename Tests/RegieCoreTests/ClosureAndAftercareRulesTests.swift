import Foundation
import Testing

@testable import RegieCore

@Suite("Closure with a safety check, aftercare checks per profile and relapse counting")
struct ClosureAndAftercareRulesTests {
    let library = try! ProfileLibrary.bundled()
    let calendar = WorkingDayCalendar()
    let today = Day("2026-06-01")!

    @Test("No closure without a safety check that finds everyone safe")
    func safetyCheck() {
        #expect(
            ClosureRequest(reason: .goalsReached, closedOn: today, safety: nil, safetyNote: "").problems(today: today)
                == ["closureSafety": "error.safety_check_required"])
        #expect(
            ClosureRequest(reason: .goalsReached, closedOn: today, safety: .unsafe, safetyNote: "Zorgen om Noor")
                .problems(today: today) == ["closureSafety": "error.unsafe_cannot_close"])
        #expect(
            ClosureRequest(reason: .goalsReached, closedOn: today, safety: .safe, safetyNote: "Kinderen veilig thuis")
                .problems(today: today).isEmpty)
        #expect(
            ClosureRequest(reason: .goalsReached, closedOn: today.adding(days: 1), safety: .safe, safetyNote: "Veilig")
                .problems(today: today) == ["closedOn": "error.date_future"])
    }

    @Test(
        "Reasons ask for what they need: a director in regular care, a destination, how a refusing household stays in view"
    )
    func reasons() {
        func problems(_ reason: ClosureReason) -> [String] {
            ClosureRequest(reason: reason, closedOn: today, safety: .safe, safetyNote: "Veilig").problems(today: today)
                .keys.sorted()
        }
        #expect(problems(.regularCare) == ["regularDirector"])
        #expect(problems(.moved) == ["destination"])
        #expect(problems(.refuses) == ["staysInView"])
        #expect(problems(.other) == ["note"])
        #expect(problems(.selfReliant).isEmpty && problems(.deceased).isEmpty)
    }

    @Test("The closure form starts with the reason that meets the profile's closure criterion")
    func reasonMeetingTheCriterion() throws {
        let rotterdam = try #require(library.profile(code: "rotterdam"))
        #expect(ClosureReason.meeting(rotterdam.closureCriterion) == .regularCare)
        let enschede = try #require(library.profile(code: "enschede"))
        #expect(ClosureReason.meeting(enschede.closureCriterion) == .selfReliant)
        let venlo = try #require(library.profile(code: "venlo"))
        #expect(ClosureReason.meeting(venlo.closureCriterion) == .goalsReached)
    }

    @Test("Rotterdam checks after 6 and 12 months, the others after 6; the last answer ends the aftercare")
    func aftercareSchedule() throws {
        let closed = Day("2026-01-15")!
        let rotterdam = AftercareSchedule(profile: try #require(library.profile(code: "rotterdam")), calendar: calendar)
        #expect(rotterdam.days(closedOn: closed) == [Day("2026-07-15")!, Day("2027-01-15")!])
        #expect(rotterdam.next(closedOn: closed, answered: [0])! == (1, Day("2027-01-15")!))
        #expect(!rotterdam.isComplete(answered: [0]) && rotterdam.isComplete(answered: [0, 1]))
        let venlo = AftercareSchedule(profile: try #require(library.profile(code: "venlo")), calendar: calendar)
        #expect(venlo.days(closedOn: closed) == [Day("2026-07-15")!])
        #expect(venlo.isComplete(answered: [0]))
    }

    @Test("A signal within 12 months after closure is a relapse; later, or without closure, it is not")
    func relapse() {
        let closed = Day("2026-01-15")!
        #expect(RelapseRule.isRelapse(closedOn: closed, signalled: Day("2027-01-15")!))
        #expect(!RelapseRule.isRelapse(closedOn: closed, signalled: Day("2027-01-16")!))
        #expect(!RelapseRule.isRelapse(closedOn: nil, signalled: closed))
        #expect(!RelapseRule.isRelapse(closedOn: closed, signalled: Day("2026-01-14")!))
    }
}

@Suite("Retention: closed files past the network's period are purged, unless on legal hold")
struct RetentionRuleTests {
    @Test("Due only when closed, past the period after the last event, and not on hold")
    func due() {
        let rule = RetentionRule(years: 15)
        let last = Day("2026-01-15")!
        #expect(!rule.isDue(phase: .closed, lastActivity: last, legalHold: false, today: Day("2041-01-15")!))
        #expect(rule.isDue(phase: .closed, lastActivity: last, legalHold: false, today: Day("2041-01-16")!))
        #expect(!rule.isDue(phase: .closed, lastActivity: last, legalHold: true, today: Day("2060-01-01")!))
        #expect(!rule.isDue(phase: .aftercare, lastActivity: last, legalHold: false, today: Day("2060-01-01")!))
        #expect(RetentionRule.allowedYears.contains(15) && !RetentionRule.allowedYears.contains(0))
    }
}
