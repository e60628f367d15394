import Testing

@testable import RegieCore

@Suite("Information round rules")
struct InformationRoundRulesTests {
    @Test("A request is open until its due day, then a non-reply; an answer ends it")
    func status() {
        let due = Day("2026-11-27")!
        #expect(InformationRequestStatus.of(answered: false, due: due, today: Day("2026-11-27")!) == .open)
        #expect(InformationRequestStatus.of(answered: false, due: due, today: Day("2026-11-30")!) == .overdue)
        #expect(InformationRequestStatus.of(answered: true, due: due, today: Day("2026-12-30")!) == .answered)
    }

    @Test("A home visit needs who, why and what came of it, and cannot lie in the future")
    func visit() {
        let today = Day("2026-11-24")!
        let visit = HomeVisit(
            visitedOn: today, visitors: "Coördinator en wijkagent", roleDivision: "", reason: "Zorgen",
            outcome: "Binnengelaten, afspraak gemaakt", letIn: true)
        #expect(visit.problems(today: today).isEmpty)
        var later = visit
        later.visitedOn = Day("2026-11-25")!
        later.outcome = ""
        #expect(later.problems(today: today) == ["visitedOn": "error.visit_in_future", "outcome": "error.required"])
    }

    @Test("The coordination decision opens a case or refers on with a destination, always explained")
    func coordination() {
        #expect(CoordinationDecision(outcome: .openCase, reason: "Problemen op vijf leefgebieden").problems.isEmpty)
        #expect(
            CoordinationDecision(outcome: .referOn, reason: "x").problems == ["referredTo": "error.triage_refer_to"])
        #expect(CoordinationDecision(outcome: .openCase).problems == ["reason": "error.coordination_reason"])
        #expect(CasePhase.derive(fromEventKinds: ["triage.coordinate", "case.opened"]) == .active)
        #expect(CasePhase.derive(fromEventKinds: ["triage.coordinate", "coordination.referred"]) == .closed)
    }
}
