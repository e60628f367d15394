/// A goal in the plan: a life domain, the member(s) it is for, the goal in professional words and — where the
/// household has them — in its own words, and a target day (seed-003 §5, seed-002 route step 6).
///
/// `key` stays the same across plan versions, so the commitments serving a goal follow it into a revision.
public struct PlanGoal: Sendable, Hashable, Codable {
    public let key: String
    public let domain: String
    public let persons: [String]
    public let description: String
    public let householdWords: String
    public let targetOn: Day?

    public init(
        key: String, domain: String, persons: [String], description: String, householdWords: String, targetOn: Day?
    ) {
        self.key = key
        self.domain = domain
        self.persons = persons
        self.description = description
        self.householdWords = householdWords
        self.targetOn = targetOn
    }

    /// What a goal needs before it is stored, keyed by form field.
    public func problems(domains: [LifeDomain], members: Set<String>, today: Day) -> [String: String] {
        var problems: [String: String] = [:]
        if !domains.contains(where: { $0.code == domain }) { problems["goalDomain"] = "error.invalid_choice" }
        if persons.isEmpty || !Set(persons).isSubset(of: members) { problems["goalPersons"] = "error.goal_persons" }
        if description.trimmed.isEmpty { problems["goalDescription"] = "error.required" }
        if targetOn == nil { problems["goalTarget"] = "error.date_invalid" }
        return problems
    }
}
