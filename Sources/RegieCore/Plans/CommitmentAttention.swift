/// Why a commitment needs the case director now: declined, or past its due day and not done. Derived from
/// the recorded status and today; the director sees it on the case at once.
public enum CommitmentAttention: String, Sendable, Hashable {
    case declined
    case overdue

    public var textKey: String { "commitment_attention.\(rawValue)" }

    public static func of(status: Commitment.Status, dueOn: Day?, today: Day) -> CommitmentAttention? {
        switch status {
        case .declined: return .declined
        case .done, .ended: return nil
        case .proposed, .accepted:
            guard let dueOn, dueOn < today else { return nil }
            return .overdue
        }
    }
}
