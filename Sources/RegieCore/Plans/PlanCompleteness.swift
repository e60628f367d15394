/// The completeness rule (inspection theme "Aanpak": all members and all life domains covered): every domain
/// in which a member's latest score is 1 or 2 needs a goal in the plan, or a written reason why not.
public enum PlanCompleteness {
    /// The domains that still lack a goal or a reason, in the network's domain order.
    public static func missing(
        scores: ScoreHistory, goals: [PlanGoal], reasons: [String: String], domains: [LifeDomain]
    ) -> [LifeDomain] {
        let needed = scores.domainsNeedingGoals
        let answered = Set(goals.map(\.domain)).union(reasons.filter { !$0.value.trimmed.isEmpty }.keys)
        return domains.filter { needed.contains($0.code) && !answered.contains($0.code) }
    }
}
