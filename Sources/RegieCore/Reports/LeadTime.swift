/// A lead time of the process (signal → decision, decision → director, director → adopted plan) over the cases in a
/// period: how many, the median and the 90th percentile in calendar days, and the share that met the profile's norm.
///
/// The median of an even count is the mean of the middle two; the 90th percentile is the nearest-rank value
/// (the smallest value with at least 90 % of the cases at or below it), so it is always a lead time that happened.
public struct LeadTime: Sendable, Hashable {
    public let key: String
    public let count: Int
    public let median: Double?
    public let percentile90: Int?
    /// Cases that met the norm, of those measured; `nil` when the profile has no norm for this step.
    public let withinNorm: Int?
    public let households: Set<HouseholdID>

    /// One measured case: its days, whether it met the norm (`nil` without a norm) and its household.
    public struct Measurement: Sendable, Hashable {
        public let days: Int
        public let metNorm: Bool?
        public let household: HouseholdID

        public init(days: Int, metNorm: Bool?, household: HouseholdID) {
            self.days = days
            self.metNorm = metNorm
            self.household = household
        }
    }

    public init(key: String, _ measurements: [Measurement]) {
        self.key = key
        let days = measurements.map(\.days).sorted()
        count = days.count
        if days.isEmpty {
            median = nil
            percentile90 = nil
        } else {
            let middle = days.count / 2
            median = days.count % 2 == 1 ? Double(days[middle]) : Double(days[middle - 1] + days[middle]) / 2
            let rank = (days.count * 90 + 99) / 100
            percentile90 = days[max(rank, 1) - 1]
        }
        let judged = measurements.compactMap(\.metNorm)
        withinNorm = judged.isEmpty ? nil : judged.filter { $0 }.count
        households = Set(measurements.map(\.household))
    }

    /// The share within the norm as a whole percentage, when there is a norm and a case.
    public var withinNormPercent: Int? {
        guard let withinNorm, count > 0 else { return nil }
        return Int((Double(withinNorm) * 100 / Double(count)).rounded())
    }
}
