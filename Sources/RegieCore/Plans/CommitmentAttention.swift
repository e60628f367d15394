/// Why a commitment needs the case director now: declined, or past its due day and not done. Derived from
/// the recorded status and today; the director sees it on the case at once.
public enum CommitmentAttention: String, Sendable, Hashable {
    case declined
    case overdue

    public var textKey: String { "commitment_attention.\(rawValue)" }

    /// As `of(status:dueOn:today:)` for a commitment of a case in `phase`: only an active case's commitments need
    /// attention. After closure (aftercare, closed) a declined or late commitment is history nobody would act on.
    public static func of(status: Commitment.Status, dueOn: Day?, phase: CasePhase, today: Day)
        -> CommitmentAttention?
    {
        phase == .active ? of(status: status, dueOn: dueOn, today: today) : nil
    }

    /// Why a commitment of an active case needs attention, if it does.
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
