/// The power used to break through when an escalation is decided (seed-000 §5.5): doorzettingsmacht, the
/// network director's deciding vote, the care-purchase budget — or none: agreement was reached without one.
public enum EscalationMandate: String, Sendable, Codable, CaseIterable {
    /// Agreement was reached without using a power.
    case agreement
    case doorzettingsmacht
    case decidingVote = "deciding_vote"
    case careBudget = "care_budget"

    public var textKey: String { "escalation.mandate.\(rawValue)" }

    /// The mandates a network's profile gives; agreement and doorzettingsmacht (held by the top of every ladder)
    /// are always possible.
    public static func available(in profile: WorkflowProfile) -> [EscalationMandate] {
        var mandates: [EscalationMandate] = [.agreement, .doorzettingsmacht]
        if profile.mandates.decidingVote { mandates.append(.decidingVote) }
        if profile.mandates.careBudget { mandates.append(.careBudget) }
        return mandates
    }
}
