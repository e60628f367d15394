/// The norm for reporting on an adopted plan: at least every 3 months in Rotterdam, Leeuwarden and Enschede
/// (BRIEF.md step 6). Until reports and evaluations are recorded, the clock runs from the plan's adoption.
public struct ProgressReportNorm: Sendable {
    public let period: NormPeriod?
    public let calendar: WorkingDayCalendar

    public init(profile: WorkflowProfile, calendar: WorkingDayCalendar) {
        self.period = profile.norms.progressReport
        self.calendar = calendar
    }

    /// Whether a report is due on `today` for a plan adopted (or last reported on) `since`.
    public func isDue(since: Day, today: Day) -> Bool {
        guard let period else { return false }
        return period.dueDay(from: since, calendar: calendar) <= today
    }
}
