/// An area marked for a collective approach (seed-002 base function 2 and step 10: individual and neighbourhood
/// issues evaluated together, so structural solutions are sought). Marking and ending are recorded as facts; whether
/// an area is marked now follows from the latest one.
public struct CollectiveApproach: Sendable, Hashable {
    /// One recorded mark or end of a mark.
    public struct Mark: Sendable, Hashable {
        public let network: NetworkID
        public let area: String
        public let marked: Bool
        public let reason: String
        public let on: Day
        public let byName: String
        /// The order in which it was recorded, so two marks on one day keep their order.
        public let recordedAt: Int64

        public init(
            network: NetworkID, area: String, marked: Bool, reason: String, on: Day, byName: String, recordedAt: Int64
        ) {
            self.network = network
            self.area = area
            self.marked = marked
            self.reason = reason
            self.on = on
            self.byName = byName
            self.recordedAt = recordedAt
        }
    }

    /// The areas marked now, per network and area: the latest mark when it did not end the approach.
    public let current: [Key: Mark]

    /// A network and an area: the same neighbourhood name may be an area in two networks.
    public struct Key: Sendable, Hashable {
        public let network: NetworkID
        public let area: String

        public init(network: NetworkID, area: String) {
            self.network = network
            self.area = area
        }
    }

    public init(marks: [Mark]) {
        var latest: [Key: Mark] = [:]
        for mark in marks.sorted(by: { $0.recordedAt < $1.recordedAt }) {
            latest[Key(network: mark.network, area: mark.area)] = mark
        }
        current = latest.filter { $0.value.marked }
    }

    public func mark(of area: String, in network: NetworkID) -> Mark? {
        current[Key(network: network, area: area)]
    }

    /// The field problems of a mark: an area that exists and, when marking, a reason.
    public static func problems(area: String, known: Set<String>, marking: Bool, reason: String) -> [String: String] {
        var problems: [String: String] = [:]
        if !known.contains(area) { problems["area"] = "error.invalid_choice" }
        if marking && reason.trimmed.isEmpty { problems["reason"] = "error.collective_reason" }
        return problems
    }
}
