/// A figure broken down into labelled cells, each with the households behind it so that every number can link to
/// its list of cases (for users allowed to see them).
public struct Breakdown: Sendable, Hashable {
    /// One cell: a code (an organisation kind, a channel, a neighbourhood …), its count and its households.
    public struct Cell: Sendable, Hashable {
        public let code: String
        public let count: Int
        public let households: Set<HouseholdID>

        public init(code: String, count: Int, households: Set<HouseholdID>) {
            self.code = code
            self.count = count
            self.households = households
        }
    }

    /// Stable key of the figure, used in links, CSV and JSON (e.g. `inflow_source`).
    public let key: String
    public let cells: [Cell]
    /// Whether the cells are areas: area figures are always protected against small numbers.
    public let byArea: Bool

    public init(key: String, cells: [Cell], byArea: Bool = false) {
        self.key = key
        self.cells = cells
        self.byArea = byArea
    }

    public var total: Int { cells.reduce(0) { $0 + $1.count } }

    /// Counts items per code, largest first (then by code); an item may count under several codes.
    public static func counting<Item>(
        _ key: String, _ items: [Item], byArea: Bool = false, household: (Item) -> HouseholdID,
        codes: (Item) -> [String]
    ) -> Breakdown {
        var counts: [String: (Int, Set<HouseholdID>)] = [:]
        for item in items {
            for code in codes(item) {
                counts[code, default: (0, [])].0 += 1
                counts[code, default: (0, [])].1.insert(household(item))
            }
        }
        let cells = counts.map { Cell(code: $0.key, count: $0.value.0, households: $0.value.1) }
            .sorted { ($0.count, $1.code) > ($1.count, $0.code) }
        return Breakdown(key: key, cells: cells, byArea: byArea)
    }
}
