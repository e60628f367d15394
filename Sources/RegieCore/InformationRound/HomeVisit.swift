/// A home visit during the information round (seed-000 §3 instrument 1): who went, how they divided the roles,
/// why, what came of it, and whether the household let them in.
public struct HomeVisit: Sendable, Hashable, Codable {
    public var visitedOn: Day
    public var visitors: String
    public var roleDivision: String
    public var reason: String
    public var outcome: String
    public var letIn: Bool

    public init(visitedOn: Day, visitors: String, roleDivision: String, reason: String, outcome: String, letIn: Bool) {
        self.visitedOn = visitedOn
        self.visitors = visitors
        self.roleDivision = roleDivision
        self.reason = reason
        self.outcome = outcome
        self.letIn = letIn
    }

    /// Problems per field as translation keys.
    public func problems(today: Day) -> [String: String] {
        var problems: [String: String] = [:]
        if visitedOn > today { problems["visitedOn"] = "error.visit_in_future" }
        if visitors.trimmed.isEmpty { problems["visitors"] = "error.required" }
        if reason.trimmed.isEmpty { problems["reason"] = "error.required" }
        if outcome.trimmed.isEmpty { problems["outcome"] = "error.required" }
        return problems
    }
}
