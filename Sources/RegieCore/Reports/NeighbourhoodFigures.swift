/// Signals and cases per area (neighbourhood) over a period, always protected against small numbers: an area is
/// small enough for a count of two to point at a family (seed-002 base function 2: know the neighbourhood, make its
/// collective issues visible). Each column is protected as a breakdown with its total.
public struct NeighbourhoodFigures: Sendable {
    /// One area of one network.
    public struct Row: Sendable, Hashable {
        public let key: CollectiveApproach.Key
        /// Signals received in the period.
        public let signals: SmallNumberSuppression.Shown
        /// Households signalled in the period.
        public let households: SmallNumberSuppression.Shown
        /// Cases opened (coordination decided) in the period.
        public let opened: SmallNumberSuppression.Shown
        /// Cases being worked on today.
        public let active: SmallNumberSuppression.Shown
        /// The life domain mentioned most in the period's signals, when it was mentioned often enough to show.
        public let topDomain: DomainCount?
    }

    /// A life domain and how often it was mentioned.
    public struct DomainCount: Sendable, Hashable {
        public let code: String
        public let count: Int
    }

    public let rows: [Row]
    /// The totals of the four columns, protected like the cells.
    public let totals: [SmallNumberSuppression.Shown]

    /// Counts per area of the household (its neighbourhood; empty when unknown). Areas in `alsoShow` (those marked
    /// for a collective approach) get a row even without signals, so the mark can be seen and ended.
    public init(
        facts: [FigureFacts], period: ReportPeriod, suppression: SmallNumberSuppression,
        alsoShow: Set<CollectiveApproach.Key> = []
    ) {
        struct Tally {
            var signals = 0, households = 0, opened = 0, active = 0
            var domains: [String: Int] = [:]
        }
        var tallies: [CollectiveApproach.Key: Tally] = [:]
        for key in alsoShow { tallies[key] = Tally() }
        for fact in facts {
            let area = fact.signals.first { !$0.neighbourhood.isEmpty }?.neighbourhood ?? ""
            let key = CollectiveApproach.Key(network: fact.network, area: area)
            let inPeriod = fact.signals.filter { period.contains($0.receivedOn) }
            let opened = fact.openedOn.map(period.contains) ?? false
            guard !inPeriod.isEmpty || opened || fact.phase == .active || tallies[key] != nil else { continue }
            var tally = tallies[key] ?? Tally()
            tally.signals += inPeriod.count
            tally.households += inPeriod.isEmpty ? 0 : 1
            tally.opened += opened ? 1 : 0
            tally.active += fact.phase == .active ? 1 : 0
            for domain in inPeriod.flatMap(\.domains) { tally.domains[domain, default: 0] += 1 }
            tallies[key] = tally
        }
        let keys = tallies.keys.sorted {
            (tallies[$1]!.signals, $0.network.rawValue, $0.area) < (tallies[$0]!.signals, $1.network.rawValue, $1.area)
        }
        let columns = [\Tally.signals, \.households, \.opened, \.active].map { path in
            suppression.protect(keys.map { tallies[$0]![keyPath: path] })
        }
        rows = keys.enumerated().map { index, key in
            let top = tallies[key]!.domains.max { ($0.value, $1.key) < ($1.value, $0.key) }
            return Row(
                key: key, signals: columns[0].cells[index], households: columns[1].cells[index],
                opened: columns[2].cells[index], active: columns[3].cells[index],
                topDomain: top.flatMap {
                    $0.value >= suppression.minimum ? DomainCount(code: $0.key, count: $0.value) : nil
                })
        }
        totals = columns.map(\.total)
    }
}
