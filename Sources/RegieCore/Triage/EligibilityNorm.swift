/// The norm for deciding whether a signal is for the network ("te behandelen melding?"): Enschede decides
/// within 5 working days. Derived from the day the signal came in, the decision (if any) and today — never
/// a flag someone sets.
public struct EligibilityNorm: Sendable {
    /// Where a signal stands against the norm.
    public typealias Status = NormStatus

    public let period: NormPeriod?
    public let calendar: WorkingDayCalendar

    public init(profile: WorkflowProfile, calendar: WorkingDayCalendar) {
        self.period = profile.norms.eligibilityDecision
        self.calendar = calendar
    }

    public func status(received: Day, decided: Day?, today: Day) -> Status {
        .of(period, start: received, met: decided, today: today, calendar: calendar)
    }

    /// The age of a signal in working days, as shown on the signal list.
    public func age(received: Day, today: Day) -> Int { calendar.workingDays(from: received, to: today) }
}
