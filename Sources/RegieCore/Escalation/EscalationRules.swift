/// What an escalation must say before it is raised, and what its decision must say (BRIEF.md step 7).
public enum EscalationRules {
    /// Field problems of a new escalation: an organisational escalation names the blocking organisation and
    /// the rule, waiting list or refusal that blocks; every escalation says why.
    public static func problems(
        kind: EscalationKind, blockingOrganisation: String?, blockingRule: String, reason: String
    )
        -> [String: String]
    {
        var problems: [String: String] = [:]
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems["reason"] = "error.escalation_reason"
        }
        if kind == .organisational {
            if blockingOrganisation == nil { problems["blockingOrganisation"] = "error.blocking_organisation" }
            if blockingRule.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems["blockingRule"] = "error.blocking_rule"
            }
        }
        return problems
    }

    /// Field problems of a decision: the decision is written down, a mandate is one the profile gives, and the
    /// care-purchase budget is used only by whoever holds it — the network director (seed-000 §5.5); `roles` are the
    /// decider's roles in the network.
    public static func decisionProblems(
        decision: String, mandate: EscalationMandate?, profile: WorkflowProfile, roles: Set<Role>
    ) -> [String: String] {
        var problems: [String: String] = [:]
        if decision.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems["decision"] = "error.decision_text"
        }
        if let mandate, !EscalationMandate.available(in: profile).contains(mandate) {
            problems["mandate"] = "error.mandate_not_in_profile"
        } else if mandate == nil {
            problems["mandate"] = "error.invalid_choice"
        } else if mandate == .careBudget && !roles.contains(.networkDirector) {
            problems["mandate"] = "error.budget_director_only"
        }
        return problems
    }
}
