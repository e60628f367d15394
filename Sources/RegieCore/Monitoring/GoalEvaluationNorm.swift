/// Each goal of the adopted plan is evaluated at least once per report period (the goal review of the route
/// map, step 8): goals not achieved whose latest evaluation (or the adoption) is a period old are due.
public struct GoalEvaluationNorm: Sendable {
    public let period: NormPeriod?
    public let calendar: WorkingDayCalendar

    public init(profile: WorkflowProfile, calendar: WorkingDayCalendar) {
        self.period = profile.norms.progressReport
        self.calendar = calendar
    }

    /// The keys of goals due for evaluation on `today`, with the day their clock started.
    public func due(goals: [String], adopted: Day, evaluations: [GoalEvaluation], today: Day) -> [(
        goal: String, since: Day
    )] {
        guard let period else { return [] }
        return goals.compactMap { goal in
            let own = evaluations.filter { $0.goalKey == goal && $0.evaluatedOn >= adopted }
                .sorted { $0.evaluatedOn < $1.evaluatedOn }
            if own.last?.status == .achieved { return nil }
            let since = own.last?.evaluatedOn ?? adopted
            return period.dueDay(from: since, calendar: calendar) <= today ? (goal, since) : nil
        }
    }
}
