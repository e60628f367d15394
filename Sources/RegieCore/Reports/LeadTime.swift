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
    /// The households measured, each with how many of the measurements are theirs (see `Breakdown.Cell`).
    let members: [HouseholdID: Int]

    public var households: Set<HouseholdID> { Set(members.keys) }

    /// From how many cases took each number of `days`, how many of them a norm `judged` and how many `met` it.
    init(key: String, days: [Int: Int], judged: Int, met: Int, members: [HouseholdID: Int]) {
        self.key = key
        let counted = days.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        count = counted.reduce(0) { $0 + $1.value }
        /// The `index`-th lead time (0-based) in ascending order.
        func value(at index: Int) -> Int {
            var seen = 0
            for (days, cases) in counted {
                seen += cases
                if index < seen { return days }
            }
            return counted.last?.key ?? 0
        }
        if count == 0 {
            median = nil
            percentile90 = nil
        } else {
            let middle = count / 2
            median = count % 2 == 1 ? Double(value(at: middle)) : Double(value(at: middle - 1) + value(at: middle)) / 2
            let rank = (count * 90 + 99) / 100
            percentile90 = value(at: max(rank, 1) - 1)
        }
        withinNorm = judged == 0 ? nil : met
        self.members = members
    }

    /// The share within the norm as a whole percentage, when there is a norm and a case.
    public var withinNormPercent: Int? {
        guard let withinNorm, count > 0 else { return nil }
        return Int((Double(withinNorm) * 100 / Double(count)).rounded())
    }
}
