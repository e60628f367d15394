/// What must be true before a concept plan is adopted. Each unmet rule is one reason, shown to the director
/// next to the adopt button, so nothing is adopted half-made.
public enum PlanAdoptionRules {
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The plan has no goals.
        case noGoals = "no_goals"
        /// A current member has no safety picture (BRIEF.md step 4).
        case safetyPictureMissing = "safety_missing"
        /// A domain scored 1–2 has neither a goal nor a reason.
        case incomplete
        /// The household's agreement (or its refusal) is not recorded.
        case agreementMissing = "agreement_missing"
        /// Only a concept can be adopted.
        case notConcept = "not_concept"

        public var textKey: String { "plan_block.\(rawValue)" }
    }

    public static func blocking(
        status: PlanStatus, goals: [PlanGoal], members: Set<String>, safety: [SafetyPicture],
        missingDomains: [LifeDomain], agreement: HouseholdAgreement?
    ) -> [Reason] {
        var reasons: [Reason] = []
        if status != .concept { reasons.append(.notConcept) }
        if goals.isEmpty { reasons.append(.noGoals) }
        if !members.isSubset(of: Set(safety.map(\.person))) { reasons.append(.safetyPictureMissing) }
        if !missingDomains.isEmpty { reasons.append(.incomplete) }
        if agreement == nil { reasons.append(.agreementMissing) }
        return reasons
    }
}
