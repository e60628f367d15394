import Foundation
import RegieCore
import RegieStore

/// The figure facts per set of networks, kept per app server household by household with the fact version each was
/// read at. A reading after a change reads again only the households whose version moved and drops those that
/// left, so a new signal costs one household's facts instead of the network's history (~1.2 s for a network of
/// 2,500 households at region scale). Readings of one set run one after the other, each building on the one
/// before; simultaneous requests for the same stamp share one reading. Facts are kept per day, because aftercare
/// checks fall due by the day, and are never older than the stamp they were asked for: the versions are read
/// before the facts. A few sets are kept (a director's network, the region), the least recently used dropped first.
actor FigureFactsLedger {
    /// What one reading left: the facts of each household and the version they were read at.
    struct Reading: Sendable {
        let stamp: String
        let day: Day
        /// The networks' profile settings the facts were read under (their norms decide what was on time).
        let profiles: [ProfileSettings]
        let versions: [HouseholdID: Int64]
        let facts: [HouseholdID: FigureFacts]
        /// The facts in a fixed order (by household), whatever order they were read in; sorted once, because a
        /// region's reading is handed out on every view of its neighbourhood page.
        let ordered: [FigureFacts]

        init(
            stamp: String, day: Day, profiles: [ProfileSettings], versions: [HouseholdID: Int64],
            facts: [HouseholdID: FigureFacts]
        ) {
            (self.stamp, self.day, self.profiles, self.versions, self.facts) = (stamp, day, profiles, versions, facts)
            ordered = facts.sorted { $0.key.rawValue < $1.key.rawValue }.map(\.value)
        }
    }

    private var kept: [[NetworkID]: (reading: Reading, used: UInt64)] = [:]
    private var running:
        [[NetworkID]: (stamp: String, day: Day, profiles: [ProfileSettings], task: Task<Reading, any Error>)] = [:]
    private var clock: UInt64 = 0
    private let capacity: Int
    /// The sets read ahead of a first view (`claimReadAhead`); each at most once per server.
    private var readAhead: Set<[NetworkID]> = []

    init(capacity: Int) { self.capacity = capacity }

    /// The facts of `networks` under `profiles` at `stamp` on `day`: kept ones, a reading under way for the same
    /// stamp, or a new reading by `read`, which gets the latest earlier reading of the same day and profiles to build
    /// on (or nil).
    func facts(
        of networks: [NetworkID], profiles: [ProfileSettings], stamp: String, day: Day,
        read: @escaping @Sendable (_ earlier: Reading?) async throws -> Reading
    ) async throws -> [FigureFacts] {
        clock += 1
        if let entry = kept[networks], entry.reading.stamp == stamp, entry.reading.day == day,
            entry.reading.profiles == profiles
        {
            kept[networks]?.used = clock
            return entry.reading.ordered
        }
        if let under = running[networks], under.stamp == stamp, under.day == day, under.profiles == profiles {
            return try await under.task.value.ordered
        }
        let previous = running[networks]?.task
        let base = kept[networks]?.reading
        let task = Task {
            let earlier = (try? await previous?.value) ?? base
            return try await read(earlier?.day == day && earlier?.profiles == profiles ? earlier : nil)
        }
        running[networks] = (stamp, day, profiles, task)
        do {
            let reading = try await task.value
            finish(networks, task)
            kept[networks] = (reading, clock)
            while kept.count > capacity, let oldest = kept.min(by: { $0.value.used < $1.value.used })?.key {
                kept[oldest] = nil
            }
            return reading.ordered
        } catch {
            finish(networks, task)
            throw error
        }
    }

    /// Whether `networks` should be read ahead now: not before, nothing kept or under way for it, and room to keep
    /// it without dropping a reading someone uses.
    func claimReadAhead(_ networks: [NetworkID]) -> Bool {
        guard kept[networks] == nil, running[networks] == nil, kept.count < capacity else { return false }
        return readAhead.insert(networks).inserted
    }

    /// Whether a reading of `networks` is kept (for tests).
    func keeps(_ networks: [NetworkID]) -> Bool { kept[networks] != nil }

    private func finish(_ networks: [NetworkID], _ task: Task<Reading, any Error>) {
        if running[networks]?.task == task { running[networks] = nil }
    }
}
