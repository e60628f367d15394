/// The norm for reporting on an adopted plan: at least every 3 months in Rotterdam, Leeuwarden and Enschede,
/// and at once when the case director flags a deviation from the plan (BRIEF.md step 6).
public struct ProgressReportNorm: Sendable {
    public let period: NormPeriod?
    public let calendar: WorkingDayCalendar

    public init(profile: WorkflowProfile, calendar: WorkingDayCalendar) {
        self.period = profile.norms.progressReport
        self.calendar = calendar
    }

    /// A report that is due: since when the clock ran, and why.
    public struct Due: Sendable, Hashable {
        public let since: Day
        public let due: Day
        public let becauseOfDeviation: Bool
    }

    /// The report due on `today`, if any. The clock runs from the latest report (or the adoption); a deviation
    /// flagged after the latest report makes a report due from the deviation's day.
    public func due(adopted: Day, entries: [ProgressEntry], today: Day) -> Due? {
        let lastReport = entries.filter { $0.kind == .report && $0.on >= adopted }.map(\.on).max()
        let since = lastReport ?? adopted
        if let deviation = entries.filter({ $0.deviation && $0.kind != .report && $0.on >= since }).map(\.on).min() {
            return Due(since: deviation, due: deviation, becauseOfDeviation: true)
        }
        guard let period else { return nil }
        let due = period.dueDay(from: since, calendar: calendar)
        return due <= today ? Due(since: since, due: due, becauseOfDeviation: false) : nil
    }

    /// Whether a report is due on `today` for a plan adopted (or last reported on) `since`.
    public func isDue(since: Day, today: Day) -> Bool { due(adopted: since, entries: [], today: today) != nil }
}
