/// Counts working days (Monday–Friday minus Dutch public holidays), the unit of the networks' time norms.
public struct WorkingDayCalendar: Sendable {
    public let holidays: DutchPublicHolidays
    private let cache: [Int: Set<Int>]

    /// Precomputes the holidays of a range of years so the hot path is a set lookup; other years are computed on demand.
    public init(holidays: DutchPublicHolidays = DutchPublicHolidays(), years: ClosedRange<Int> = 2000...2100) {
        self.holidays = holidays
        var cache: [Int: Set<Int>] = [:]
        for year in years { cache[year] = Set(holidays.holidays(in: year).map(\.day.ordinal)) }
        self.cache = cache
    }

    public func isHoliday(_ day: Day) -> Bool {
        if let set = cache[day.year] { return set.contains(day.ordinal) }
        return holidays.holidays(in: day.year).contains { $0.day == day }
    }

    public func isWorkingDay(_ day: Day) -> Bool { day.weekday <= 5 && !isHoliday(day) }

    /// The day that lies `count` working days after `start`; `start` itself does not count.
    ///
    /// A signal received on Friday with a 5-working-day norm is due the next Friday; one received on a
    /// holiday counts from the next working day as well.
    public func adding(workingDays count: Int, to start: Day) -> Day {
        precondition(count >= 0, "Norms are never negative")
        var day = start
        var left = count
        while left > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// The working day `count` working days before `end` (for back-dating, e.g. demo data).
    public func subtracting(workingDays count: Int, from end: Day) -> Day {
        var day = end
        var left = count
        while left > 0 {
            day = day.adding(days: -1)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// Working days that have passed from `start` (exclusive) to `end` (inclusive); 0 when `end` is not later.
    public func workingDays(from start: Day, to end: Day) -> Int {
        guard end > start else { return 0 }
        var count = 0
        var day = start.adding(days: 1)
        while day <= end {
            if isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }
}
