/// The periodic evaluation of one goal of the plan (step 7), with the household's own view.
public struct GoalEvaluation: Sendable, Hashable, Codable {
    /// How far the goal has come.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case notStarted = "not_started"
        case progressing
        case noProgress = "no_progress"
        case worse
        case achieved

        public var textKey: String { "evaluation.status.\(rawValue)" }

        /// Whether the evaluation shows the goal moving forward (or done).
        public var movesForward: Bool { self == .progressing || self == .achieved }
    }

    public let goalKey: String
    public let status: Status
    public let evaluatedOn: Day

    public init(goalKey: String, status: Status, evaluatedOn: Day) {
        self.goalKey = goalKey
        self.status = status
        self.evaluatedOn = evaluatedOn
    }

    /// The problem with the evaluation's free texts, if any: the household's view is required, because the
    /// plan is the household's plan.
    public static func problem(householdView: String) -> String? {
        householdView.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "error.household_view" : nil
    }
}
