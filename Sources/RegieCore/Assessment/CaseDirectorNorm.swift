/// The norm for appointing a case director after the coordination decision: Enschede ≤ 5 working days
/// (seed-000 §5.2). Derived from the decision day and the first appointment; never a flag.
public struct CaseDirectorNorm: Sendable {
    public let period: NormPeriod?
    public let calendar: WorkingDayCalendar

    public init(profile: WorkflowProfile, calendar: WorkingDayCalendar) {
        self.period = profile.norms.caseDirectorAfterDecision
        self.calendar = calendar
    }

    public func status(decided: Day, appointed: Day?, today: Day) -> NormStatus {
        .of(period, start: decided, met: appointed, today: today, calendar: calendar)
    }
}
