/// Whether care has stalled, and why (BRIEF.md step 7): a goal without progress for longer than the profile
/// allows, a declined or overdue commitment, or self-sufficiency scores that did not improve between the two
/// latest assessments. Derived from recorded evaluations, commitments and scores — never set by hand.
public struct StallDetection: Sendable {
    /// One reason the case counts as stalled, with the day it began.
    public enum Reason: Sendable, Hashable {
        case goalWithoutProgress(goal: String, since: Day)
        case commitment(id: String, CommitmentAttention, since: Day)
        case scoresNotImproving(previous: Day, latest: Day)

        public var since: Day {
            switch self {
            case .goalWithoutProgress(_, let since), .commitment(_, _, let since): return since
            case .scoresNotImproving(_, let latest): return latest
            }
        }

        public var textKey: String {
            switch self {
            case .goalWithoutProgress: return "stall.goal_without_progress"
            case .commitment(_, let attention, _): return "stall.commitment_\(attention.rawValue)"
            case .scoresNotImproving: return "stall.scores_not_improving"
            }
        }
    }

    /// A commitment as stall detection needs it.
    public struct CommitmentFact: Sendable {
        public let id: String
        public let status: Commitment.Status
        public let dueOn: Day?
        /// The day of the latest answer (for a declined commitment, the day it was declined).
        public let answeredOn: Day?

        public init(id: String, status: Commitment.Status, dueOn: Day?, answeredOn: Day?) {
            self.id = id
            self.status = status
            self.dueOn = dueOn
            self.answeredOn = answeredOn
        }
    }

    public let allowed: NormPeriod?
    public let calendar: WorkingDayCalendar

    public init(profile: WorkflowProfile, calendar: WorkingDayCalendar) {
        self.allowed = profile.norms.goalWithoutProgress
        self.calendar = calendar
    }

    /// Every reason the case is stalled on `today`; empty when care is moving.
    public func reasons(
        goals: [String], adopted: Day?, evaluations: [GoalEvaluation], commitments: [CommitmentFact],
        scores: ScoreHistory, today: Day
    ) -> [Reason] {
        var reasons: [Reason] = []
        if let adopted, let allowed {
            for goal in goals {
                let since = standingStill(goal: goal, adopted: adopted, evaluations: evaluations)
                if let since, allowed.dueDay(from: since, calendar: calendar) < today {
                    reasons.append(.goalWithoutProgress(goal: goal, since: since))
                }
            }
        }
        for commitment in commitments {
            guard
                let attention = CommitmentAttention.of(status: commitment.status, dueOn: commitment.dueOn, today: today)
            else { continue }
            let since = attention == .declined ? commitment.answeredOn : commitment.dueOn?.adding(days: 1)
            reasons.append(.commitment(id: commitment.id, attention, since: since ?? today))
        }
        let means = scores.householdMeans()
        if means.count >= 2, means[means.count - 1].mean <= means[means.count - 2].mean {
            reasons.append(
                .scoresNotImproving(previous: means[means.count - 2].day, latest: means[means.count - 1].day))
        }
        return reasons
    }

    /// The day since which `goal` has not moved forward: after its latest progressing evaluation, or since the
    /// adoption when it never progressed; `nil` when it is progressing or achieved now.
    private func standingStill(goal: String, adopted: Day, evaluations: [GoalEvaluation]) -> Day? {
        let own = evaluations.filter { $0.goalKey == goal && $0.evaluatedOn >= adopted }
            .sorted { $0.evaluatedOn < $1.evaluatedOn }
        if let last = own.last, last.status.movesForward { return nil }
        return own.last(where: { $0.status.movesForward })?.evaluatedOn ?? adopted
    }
}
