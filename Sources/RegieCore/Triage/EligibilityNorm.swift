/// The norm for deciding whether a signal is for the network ("te behandelen melding?"): Enschede decides
/// within 5 working days. Derived from the day the signal came in, the decision (if any) and today — never
/// a flag someone sets.
public struct EligibilityNorm: Sendable {
    /// Where a signal stands against the norm.
    public enum Status: Sendable, Hashable {
        /// No norm in this profile.
        case noNorm
        /// Open and still within the norm; `due` is the last day.
        case open(due: Day)
        /// Open past the norm since the day after `due`.
        case overdue(due: Day)
        /// Decided on or before the last day.
        case decidedInTime(due: Day)
        /// Decided after the last day.
        case decidedLate(due: Day)

        public var isOverdue: Bool { if case .overdue = self { return true } else { return false } }
    }

    public let period: NormPeriod?
    public let calendar: WorkingDayCalendar

    public init(profile: WorkflowProfile, calendar: WorkingDayCalendar) {
        self.period = profile.norms.eligibilityDecision
        self.calendar = calendar
    }

    public func status(received: Day, decided: Day?, today: Day) -> Status {
        guard let period else { return .noNorm }
        let due = period.dueDay(from: received, calendar: calendar)
        if let decided { return decided <= due ? .decidedInTime(due: due) : .decidedLate(due: due) }
        return today <= due ? .open(due: due) : .overdue(due: due)
    }

    /// The age of a signal in working days, as shown on the signal list.
    public func age(received: Day, today: Day) -> Int { calendar.workingDays(from: received, to: today) }
}
