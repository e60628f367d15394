/// Closing a case ends the commitments still open in it (asked or accepted): once the case is closed nobody
/// coordinates them, partners should not find them among their work, and a case opened again must not start
/// with last year's overdue commitments marking it stalled. Declined and done commitments keep their answer.
/// Ending is part of the closure's transaction and shows on the timeline with it.
public enum ClosureEndsCommitments {
    /// The statuses a closure ends; they become `Commitment.Status.ended`.
    public static let ending: [Commitment.Status] = Commitment.Status.allCases.filter(\.isOpen)

    /// The timeline's summary of the commitments a closure ended.
    public static func summary(ended count: Int) -> String {
        count == 1
            ? "1 open afspraak beëindigd bij de afsluiting" : "\(count) open afspraken beëindigd bij de afsluiting"
    }
}
