/// A new signal within 12 months after a case was closed counts as a relapse (BRIEF.md step 9): the figures
/// count it and the last case director is told.
public enum RelapseRule {
    public static let window = NormPeriod(12, .months)

    /// Whether a signal received on `signalled` about a household last closed on `closedOn` is a relapse.
    public static func isRelapse(closedOn: Day?, signalled: Day) -> Bool {
        guard let closedOn, signalled >= closedOn else { return false }
        return signalled <= closedOn.adding(months: window.amount)
    }
}
