/// The aftercare checks after closure at the profile's intervals (Rotterdam: 6 and 12 months; seed-000 §3
/// step 9). Check `n` is due from its day on; the aftercare ends when the last check is answered.
public struct AftercareSchedule: Sendable {
    public let intervals: [NormPeriod]
    public let calendar: WorkingDayCalendar

    public init(profile: WorkflowProfile, calendar: WorkingDayCalendar) {
        self.intervals = profile.aftercare
        self.calendar = calendar
    }

    /// The day of each check for a case closed on `closedOn`, first check first.
    public func days(closedOn: Day) -> [Day] { intervals.map { $0.dueDay(from: closedOn, calendar: calendar) } }

    /// The first check not yet answered (by index) and its day; `nil` when all are answered or none exist.
    public func next(closedOn: Day, answered: Set<Int>) -> (index: Int, day: Day)? {
        days(closedOn: closedOn).enumerated().first { !answered.contains($0.offset) }.map { ($0.offset, $0.element) }
    }

    /// Whether the last check has an answer, so the aftercare period is over.
    public func isComplete(answered: Set<Int>) -> Bool {
        intervals.isEmpty || answered.contains(intervals.count - 1)
    }
}
