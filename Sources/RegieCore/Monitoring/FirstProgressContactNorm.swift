/// The first progress contact after the plan is adopted: within 1 month in the networks of seed-000 §5.2
/// (BRIEF.md step 6). Met by the first contact or progress talk on or after the adoption day.
public struct FirstProgressContactNorm: Sendable {
    public let period: NormPeriod?
    public let calendar: WorkingDayCalendar

    public init(profile: WorkflowProfile, calendar: WorkingDayCalendar) {
        self.period = profile.norms.firstProgressContact
        self.calendar = calendar
    }

    public func status(adopted: Day, entries: [ProgressEntry], today: Day) -> NormStatus {
        let first = entries.filter { $0.kind.isContact && $0.on >= adopted }.map(\.on).min()
        return NormStatus.of(period, start: adopted, met: first, today: today, calendar: calendar)
    }
}
