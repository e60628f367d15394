/// A figure broken down into labelled cells, each with the households behind it so that every number can link to
/// its list of cases (for users allowed to see them).
public struct Breakdown: Sendable, Hashable {
    /// One cell: a code (an organisation kind, a channel, a neighbourhood …), its count and its households.
    public struct Cell: Sendable, Hashable {
        public let code: String
        public let count: Int
        /// The households behind the count, each with how much of it is theirs, as the tally keeps them: the set
        /// is made only where someone opens the cell's list of cases, not on every count.
        let members: [HouseholdID: Int]

        public var households: Set<HouseholdID> { Set(members.keys) }

        init(code: String, count: Int, members: [HouseholdID: Int]) {
            self.code = code
            self.count = count
            self.members = members
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
}
