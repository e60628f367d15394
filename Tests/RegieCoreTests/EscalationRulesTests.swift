import Foundation
import Testing

@testable import RegieCore

@Suite("Escalation ladders per profile: rungs, deadlines in working days, automatic rise, mandates")
struct EscalationRulesTests {
    let library = try! ProfileLibrary.bundled()
    let calendar = WorkingDayCalendar()

    @Test("Amsterdam's organisational ladder runs worker → manager → MDO+ and procesmanager → directorate → alderman")
    func amsterdamLadder() throws {
        let profile = try #require(library.profile(code: "amsterdam"))
        let rungs = EscalationKind.organisational.ladder(in: profile).map(\.name)
        #expect(rungs.count == 5)
        #expect(rungs.first == "Gezinsmanager spreekt de medewerker aan" && rungs.last == "Wethouder")
        #expect(EscalationKind.content.ladder(in: profile).map(\.name) == ["Lokaal gezinsoverleg", "MDO+"])
    }

    @Test("An unanswered escalation rises to the next rung the working day after its deadline, across holidays")
    func automaticRise() throws {
        let ladder = EscalationKind.organisational.ladder(in: try #require(library.profile(code: "rotterdam")))
        let clock = EscalationClock(ladder: ladder, calendar: calendar)
        // Raised on Monday 20 April 2026; King's Day (27 April) is no working day: 5 working days → 28 April.
        let raised = Day("2026-04-20")!
        let first = clock.steps(recorded: [(0, raised)], decidedOn: nil, today: Day("2026-04-28")!)
        #expect(first == [EscalationClock.Step(rung: 0, from: raised, deadline: Day("2026-04-28")!, automatic: false)])
        let risen = clock.steps(recorded: [(0, raised)], decidedOn: nil, today: Day("2026-04-29")!)
        #expect(risen.count == 2)
        #expect(
            risen[1]
                == EscalationClock.Step(
                    rung: 1, from: Day("2026-04-29")!, deadline: Day("2026-05-13")!, automatic: true))
        // Decided before the deadline: the clock stops.
        #expect(
            clock.steps(recorded: [(0, raised)], decidedOn: Day("2026-04-24")!, today: Day("2026-09-01")!).count == 1)
        // Never past the top rung; the top's passed deadline is reported.
        let top = clock.steps(recorded: [(0, raised)], decidedOn: nil, today: Day("2027-01-01")!)
        #expect(top.map(\.rung) == [0, 1, 2, 3])
        #expect(clock.isOverdueAtTop(top, decided: false, today: Day("2027-01-01")!))
    }

    @Test("A person may raise to the next rung by hand; the clock then runs from that day")
    func manualRaise() throws {
        let ladder = EscalationKind.content.ladder(in: try #require(library.profile(code: "amsterdam")))
        let clock = EscalationClock(ladder: ladder, calendar: calendar)
        let steps = clock.steps(
            recorded: [(0, Day("2026-03-02")!), (1, Day("2026-03-04")!)], decidedOn: Day("2026-03-10")!,
            today: Day("2026-04-01")!)
        #expect(steps.map(\.rung) == [0, 1] && steps.allSatisfy { !$0.automatic })
        #expect(steps[1].deadline == Day("2026-03-18")!)
    }

    @Test("Organisational escalations name the blocking party and rule; decisions use a mandate of the profile")
    func rules() throws {
        #expect(
            EscalationRules.problems(kind: .organisational, blockingOrganisation: nil, blockingRule: " ", reason: "")
                .keys.sorted() == ["blockingOrganisation", "blockingRule", "reason"])
        #expect(
            EscalationRules.problems(kind: .content, blockingOrganisation: nil, blockingRule: "", reason: "Vast")
                .isEmpty)
        let enschede = try #require(library.profile(code: "enschede"))
        let rotterdam = try #require(library.profile(code: "rotterdam"))
        #expect(EscalationMandate.available(in: enschede).contains(.careBudget))
        #expect(
            EscalationRules.decisionProblems(
                decision: "Zorg ingekocht", mandate: .careBudget, profile: enschede, roles: [.networkDirector]
            ).isEmpty)
        #expect(
            EscalationRules.decisionProblems(
                decision: "Zorg ingekocht", mandate: .careBudget, profile: enschede, roles: [.caseDirector])
                == ["mandate": "error.budget_director_only"], "only the teamleider holds the budget")
        #expect(
            EscalationRules.decisionProblems(
                decision: "Zorg ingekocht", mandate: .careBudget, profile: rotterdam, roles: [.networkDirector])
                == ["mandate": "error.mandate_not_in_profile"])
        #expect(
            EscalationRules.decisionProblems(decision: "", mandate: .agreement, profile: rotterdam, roles: [])
                .keys.sorted() == [
                    "decision"
                ])
    }

    @Test("A pressure or coercion measure needs measure, legal basis and who; the end is not before the start")
    func coercion() {
        let measure = CoercionMeasure(
            measure: "Ondertoezichtstelling", legalBasis: "Jeugdwet / BW 1:255", imposedBy: "Kinderrechter",
            from: Day("2026-03-02")!, until: Day("2026-03-01")!)
        #expect(measure.problems == ["until": "error.until_before_from"])
        #expect(
            CoercionMeasure(measure: "", legalBasis: "", imposedBy: "", from: Day("2026-03-02")!, until: nil).problems
                .count == 3)
    }
}
