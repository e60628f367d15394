/// When a closed household's file is purged (BRIEF.md "Privacy": retention periods purge closed files): the
/// network's retention period after the last thing that happened on the file, unless a legal hold keeps it.
public struct RetentionRule: Sendable {
    public let years: Int

    public init(years: Int) { self.years = years }

    /// The retention periods an administrator may set.
    public static let allowedYears = 1...100

    /// Whether a household in `phase`, last touched on `lastActivity`, is due for the purge on `today`.
    public func isDue(phase: CasePhase, lastActivity: Day, legalHold: Bool, today: Day) -> Bool {
        phase == .closed && !legalHold && lastActivity.adding(months: 12 * years) < today
    }
}
