/// The monitoring state of one open case on one day (steps 6–7), derived in one place from the adopted plan,
/// progress entries, evaluations, commitments and scores — for the case page, the worklist and the agenda.
public struct CaseMonitor: Sendable {
    public let firstContact: NormStatus
    public let report: ProgressReportNorm.Due?
    public let talk: (since: Day, due: Day)?
    public let evaluationsDue: [(goal: String, since: Day)]
    public let stall: [StallDetection.Reason]

    /// The facts the derivation reads.
    public struct Facts: Sendable {
        public let adopted: Day?
        public let goals: [String]
        public let entries: [ProgressEntry]
        public let evaluations: [GoalEvaluation]
        public let commitments: [StallDetection.CommitmentFact]
        public let scores: ScoreHistory

        public init(
            adopted: Day?, goals: [String], entries: [ProgressEntry], evaluations: [GoalEvaluation],
            commitments: [StallDetection.CommitmentFact], scores: ScoreHistory
        ) {
            self.adopted = adopted
            self.goals = goals
            self.entries = entries
            self.evaluations = evaluations
            self.commitments = commitments
            self.scores = scores
        }
    }

    public init(_ facts: Facts, profile: WorkflowProfile, calendar: WorkingDayCalendar, today: Day) {
        stall = StallDetection(profile: profile, calendar: calendar).reasons(
            goals: facts.goals, adopted: facts.adopted, evaluations: facts.evaluations,
            commitments: facts.commitments, scores: facts.scores, today: today)
        guard let adopted = facts.adopted else {
            firstContact = .noNorm
            report = nil
            talk = nil
            evaluationsDue = []
            return
        }
        firstContact = FirstProgressContactNorm(profile: profile, calendar: calendar)
            .status(adopted: adopted, entries: facts.entries, today: today)
        report = ProgressReportNorm(profile: profile, calendar: calendar)
            .due(adopted: adopted, entries: facts.entries, today: today)
        talk = ProgressTalkNorm(profile: profile, calendar: calendar)
            .due(adopted: adopted, entries: facts.entries, today: today)
        evaluationsDue = GoalEvaluationNorm(profile: profile, calendar: calendar)
            .due(goals: facts.goals, adopted: adopted, evaluations: facts.evaluations, today: today)
    }

    public var isStalled: Bool { !stall.isEmpty }
}
