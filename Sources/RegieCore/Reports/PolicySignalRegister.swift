/// The policy signals of one or more networks over a period, aggregated for the municipality: per category and
/// network how many were raised, how many are still open, and per answer how they were received.
///
/// Policy signals are about provision, rules and waiting lists, not about persons, so their counts are not
/// suppressed; their descriptions are written without names.
public struct PolicySignalRegister: Sendable {
    /// One cell of the category × network table.
    public struct Count: Sendable, Hashable {
        public let raised: Int
        public let open: Int
    }

    public let period: ReportPeriod
    /// The signals raised in the period, newest first.
    public let signals: [PolicySignal]

    public init(_ signals: [PolicySignal], period: ReportPeriod) {
        self.period = period
        self.signals = signals.filter { period.contains($0.raisedOn) }
            .sorted { ($0.raisedOn, $0.id) > ($1.raisedOn, $1.id) }
    }

    /// Raised and still open, for one category in one network (or in all networks with `network == nil`).
    public func count(_ category: PolicySignal.Category?, in network: NetworkID? = nil) -> Count {
        let matching = signals.filter {
            (category == nil || $0.category == category) && (network == nil || $0.network == network)
        }
        return Count(raised: matching.count, open: matching.filter(\.isOpen).count)
    }

    /// How many signals of the period got each answer, and how many have none yet (`nil` key).
    public var answers: [PolicySignal.Answer?: Int] {
        Dictionary(grouping: signals, by: { $0.response?.answer }).mapValues(\.count)
    }
}
