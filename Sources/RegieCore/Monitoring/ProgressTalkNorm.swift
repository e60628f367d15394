/// The monthly progress talk with the household (BRIEF.md step 6, seed-000 §5.2): due one period after the
/// latest talk, or after the adoption of the plan when there was none.
public struct ProgressTalkNorm: Sendable {
    public let period: NormPeriod?
    public let calendar: WorkingDayCalendar

    public init(profile: WorkflowProfile, calendar: WorkingDayCalendar) {
        self.period = profile.norms.progressTalk
        self.calendar = calendar
    }

    /// The day the next talk is due and the day its clock started, when it is due on `today`.
    public func due(adopted: Day, entries: [ProgressEntry], today: Day) -> (since: Day, due: Day)? {
        guard let period else { return nil }
        let since = entries.filter { $0.kind == .talk && $0.on >= adopted }.map(\.on).max() ?? adopted
        let due = period.dueDay(from: since, calendar: calendar)
        return due <= today ? (since, due) : nil
    }
}
