/// The two ladders of opschaling (seed-000 §3 instrument 5, seed-003 §4.5): about the content of the help
/// (back to the team, a psychiatrist, intervision) or about an organisation whose rule, waiting list or
/// refusal blocks care.
public enum EscalationKind: String, Sendable, Codable, CaseIterable {
    case content
    case organisational

    public var textKey: String { "escalation.kind.\(rawValue)" }

    /// The rungs of this ladder in `profile`.
    public func ladder(in profile: WorkflowProfile) -> [WorkflowProfile.Rung] {
        switch self {
        case .content: return profile.escalation.content
        case .organisational: return profile.escalation.organisational
        }
    }
}
