import Foundation
import Testing

@testable import RegieCore

@Suite("Progress norms, goal evaluations and stall detection per profile")
struct MonitoringRulesTests {
    let library = try! ProfileLibrary.bundled()
    let calendar = WorkingDayCalendar()
    let adopted = Day("2026-03-02")!

    func facts(
        entries: [ProgressEntry] = [], evaluations: [GoalEvaluation] = [],
        commitments: [StallDetection.CommitmentFact] = [], scores: [DomainScore] = []
    ) -> CaseMonitor.Facts {
        CaseMonitor.Facts(
            adopted: adopted, goals: ["g1", "g2"], entries: entries, evaluations: evaluations, commitments: commitments,
            scores: ScoreHistory(scores))
    }

    @Test(
        "Every profile derives the first contact, talk, report and evaluations from the adoption day",
        arguments: [
            "rotterdam", "leeuwarden", "enschede", "venlo", "zwolle", "amsterdam", "routekaart",
        ])
    func everyProfile(code: String) throws {
        let profile = try #require(library.profile(code: code))
        let quiet = CaseMonitor(facts(), profile: profile, calendar: calendar, today: adopted.adding(days: 10))
        #expect(quiet.firstContact == .open(due: Day("2026-04-02")!))
        #expect(quiet.report == nil && quiet.talk == nil && quiet.evaluationsDue.isEmpty && !quiet.isStalled)

        let late = CaseMonitor(facts(), profile: profile, calendar: calendar, today: Day("2026-06-03")!)
        #expect(late.firstContact == .overdue(due: Day("2026-04-02")!))
        #expect(late.talk?.since == adopted)
        #expect(
            late.report == ProgressReportNorm.Due(since: adopted, due: Day("2026-06-02")!, becauseOfDeviation: false))
        #expect(late.evaluationsDue.map(\.goal) == ["g1", "g2"])
        #expect(
            late.stall == [
                .goalWithoutProgress(goal: "g1", since: adopted), .goalWithoutProgress(goal: "g2", since: adopted),
            ])

        let kept = CaseMonitor(
            facts(
                entries: [
                    ProgressEntry(kind: .contact, on: Day("2026-03-20")!),
                    ProgressEntry(kind: .talk, on: Day("2026-05-20")!),
                    ProgressEntry(kind: .report, on: Day("2026-05-25")!),
                ],
                evaluations: [
                    GoalEvaluation(goalKey: "g1", status: .progressing, evaluatedOn: Day("2026-05-25")!),
                    GoalEvaluation(goalKey: "g2", status: .achieved, evaluatedOn: Day("2026-05-25")!),
                ]), profile: profile, calendar: calendar, today: Day("2026-06-03")!)
        #expect(kept.firstContact == .decidedInTime(due: Day("2026-04-02")!))
        #expect(kept.report == nil && kept.talk == nil && kept.evaluationsDue.isEmpty && !kept.isStalled)
    }

    @Test("A deviation makes a report due at once, until the next report")
    func deviation() throws {
        let norm = ProgressReportNorm(profile: try #require(library.profile(code: "rotterdam")), calendar: calendar)
        let flagged = Day("2026-03-10")!
        let entries = [ProgressEntry(kind: .note, on: flagged, deviation: true)]
        #expect(norm.due(adopted: adopted, entries: entries, today: flagged)?.becauseOfDeviation == true)
        let reported = entries + [ProgressEntry(kind: .report, on: Day("2026-03-12")!)]
        #expect(norm.due(adopted: adopted, entries: reported, today: Day("2026-03-13")!) == nil)
    }

    @Test("A goal without progress for longer than 3 months stalls the case; progress clears it")
    func goalWithoutProgress() throws {
        let detection = StallDetection(profile: try #require(library.profile(code: "enschede")), calendar: calendar)
        let stuck = [GoalEvaluation(goalKey: "g1", status: .noProgress, evaluatedOn: Day("2026-04-01")!)]
        #expect(
            detection.reasons(
                goals: ["g1"], adopted: adopted, evaluations: stuck, commitments: [], scores: ScoreHistory([]),
                today: Day("2026-06-02")!
            ).isEmpty)
        #expect(
            detection.reasons(
                goals: ["g1"], adopted: adopted, evaluations: stuck, commitments: [], scores: ScoreHistory([]),
                today: Day("2026-06-03")!) == [.goalWithoutProgress(goal: "g1", since: adopted)])
        let moving = stuck + [GoalEvaluation(goalKey: "g1", status: .progressing, evaluatedOn: Day("2026-05-01")!)]
        #expect(
            detection.reasons(
                goals: ["g1"], adopted: adopted, evaluations: moving, commitments: [], scores: ScoreHistory([]),
                today: Day("2026-06-03")!
            ).isEmpty)
        let relapsed = moving + [GoalEvaluation(goalKey: "g1", status: .worse, evaluatedOn: Day("2026-06-01")!)]
        #expect(
            detection.reasons(
                goals: ["g1"], adopted: adopted, evaluations: relapsed, commitments: [], scores: ScoreHistory([]),
                today: Day("2026-08-02")!) == [.goalWithoutProgress(goal: "g1", since: Day("2026-05-01")!)])
    }

    @Test("A declined or overdue commitment and scores that do not improve stall the case, with the reason")
    func commitmentsAndScores() throws {
        let detection = StallDetection(profile: try #require(library.profile(code: "rotterdam")), calendar: calendar)
        let today = Day("2026-03-20")!
        let commitments = [
            StallDetection.CommitmentFact(id: "a", status: .declined, dueOn: nil, answeredOn: Day("2026-03-05")!),
            StallDetection.CommitmentFact(id: "b", status: .accepted, dueOn: Day("2026-03-15")!, answeredOn: nil),
            StallDetection.CommitmentFact(id: "c", status: .accepted, dueOn: Day("2026-03-25")!, answeredOn: nil),
            StallDetection.CommitmentFact(id: "d", status: .done, dueOn: Day("2026-03-01")!, answeredOn: nil),
        ]
        func score(_ value: Int, _ day: String) -> DomainScore {
            DomainScore(
                person: "p", domain: "finances", score: SelfSufficiencyScore(rawValue: value)!, assessedOn: Day(day)!,
                assessor: "u")
        }
        let same = ScoreHistory([score(2, "2026-03-01"), score(2, "2026-03-15")])
        #expect(
            detection.reasons(
                goals: [], adopted: adopted, evaluations: [], commitments: commitments, scores: same, today: today) == [
                    .commitment(id: "a", .declined, since: Day("2026-03-05")!),
                    .commitment(id: "b", .overdue, since: Day("2026-03-16")!),
                    .scoresNotImproving(previous: Day("2026-03-01")!, latest: Day("2026-03-15")!),
                ])
        let better = ScoreHistory([score(2, "2026-03-01"), score(3, "2026-03-15")])
        #expect(
            detection.reasons(goals: [], adopted: nil, evaluations: [], commitments: [], scores: better, today: today)
                .isEmpty)
    }

    @Test("The household's view is required in an evaluation")
    func householdView() {
        #expect(GoalEvaluation.problem(householdView: "  ") == "error.household_view")
        #expect(GoalEvaluation.problem(householdView: "Het gaat beter met de post") == nil)
    }

    @Test("The worklist shows the most pressing kind first, then the oldest")
    func worklistOrder() {
        let day = Day("2026-03-02")!
        func item(_ kind: WorklistItem.Kind, _ since: Day) -> WorklistItem {
            WorklistItem(kind: kind, link: "/", reference: "R", why: "w", since: since, due: nil)
        }
        let ordered = WorklistItem.ordered([
            item(.evaluationDue, day), item(.escalationDecision, day.adding(days: 2)),
            item(.stalled, day.adding(days: 1)),
            item(.stalled, day),
        ])
        #expect(ordered.map(\.kind) == [.escalationDecision, .stalled, .stalled, .evaluationDue])
        #expect(ordered[1].since == day)
    }
}
