/// Where something with a day norm stands: open, overdue, met in time or late. Every day norm (eligibility,
/// director appointment, plan to conference, …) derives it the same way from its start day, the day it was
/// met (if it was) and today — never from a flag.
public enum NormStatus: Sendable, Hashable {
    /// No norm in this profile.
    case noNorm
    /// Not met and still within the norm; `due` is the last day.
    case open(due: Day)
    /// Not met, past the norm since the day after `due`.
    case overdue(due: Day)
    /// Met on or before the last day.
    case decidedInTime(due: Day)
    /// Met after the last day.
    case decidedLate(due: Day)

    public var isOverdue: Bool { if case .overdue = self { return true } else { return false } }

    /// The status of a norm of `period` that started on `start`.
    public static func of(
        _ period: NormPeriod?, start: Day, met: Day?, today: Day, calendar: WorkingDayCalendar
    ) -> NormStatus {
        guard let period else { return .noNorm }
        let due = period.dueDay(from: start, calendar: calendar)
        if let met { return met <= due ? .decidedInTime(due: due) : .decidedLate(due: due) }
        return today <= due ? .open(due: due) : .overdue(due: due)
    }

    /// The last day, when there is a norm.
    public var due: Day? {
        switch self {
        case .noNorm: return nil
        case .open(let due), .overdue(let due), .decidedInTime(let due), .decidedLate(let due): return due
        }
    }
}
