/// The period a report covers, both days included; figures about events count those that happened in it.
public struct ReportPeriod: Sendable, Hashable {
    public let from: Day
    public let to: Day

    public init(from: Day, to: Day) {
        self.from = min(from, to)
        self.to = max(from, to)
    }

    /// The twelve months up to and including `today`: the default period of the dashboard.
    public static func lastYear(until today: Day) -> ReportPeriod {
        ReportPeriod(from: today.adding(months: -12).adding(days: 1), to: today)
    }

    public func contains(_ day: Day) -> Bool { from <= day && day <= to }
}
