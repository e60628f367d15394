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
        /// Each network's versions the facts were read at (`NetworkFactVersions`, as the lists keep them).
        let sources: [NetworkID: NetworkFactVersions]
        let facts: [HouseholdID: FigureFacts]
        /// What moved since the reading this one built on; nil for a reading of the networks whole.
        let change: Change?

        func holds(_ stamp: String, _ day: Day, _ profiles: [ProfileSettings]) -> Bool {
            self.stamp == stamp && self.day == day && self.profiles == profiles
        }
    }

    /// The households whose facts a reading read again or dropped, with their facts in the reading at `since`
    /// before: enough to count on from figures counted at `since` (`CountedFigures`) without keeping that reading.
    struct Change: Sendable {
        let since: String
        let households: [HouseholdID]
        let before: [HouseholdID: FigureFacts]
    }

    /// A kept reading, with its facts in a fixed order (by household) once someone asked for them so: sorted once,
    /// because a region's reading is handed out on every view of its neighbourhood page, and not at all for the
    /// dashboard, which counts on from the changed households.
    private var kept: [[NetworkID]: (reading: Reading, ordered: [FigureFacts]?, used: UInt64)] = [:]
    private var running:
        [[NetworkID]: (stamp: String, day: Day, profiles: [ProfileSettings], task: Task<Reading, any Error>)] = [:]
    private var clock: UInt64 = 0
    private let capacity: Int
    /// The sets read ahead of a first view (`claimReadAhead`); each at most once per server.
    private var readAhead: Set<[NetworkID]> = []

    init(capacity: Int) { self.capacity = capacity }

    /// The facts of `networks` under `profiles` at `stamp` on `day` in a fixed order (by household), as
    /// `reading(of:profiles:stamp:day:read:)` has them.
    func facts(
        of networks: [NetworkID], profiles: [ProfileSettings], stamp: String, day: Day,
        read: @escaping @Sendable (_ earlier: Reading?) async throws -> Reading
    ) async throws -> [FigureFacts] {
        let reading = try await reading(of: networks, profiles: profiles, stamp: stamp, day: day, read: read)
        if let entry = kept[networks], entry.reading.holds(stamp, day, profiles), let ordered = entry.ordered {
            return ordered
        }
        let ordered = reading.facts.sorted { $0.key.rawValue < $1.key.rawValue }.map(\.value)
        if kept[networks]?.reading.holds(stamp, day, profiles) == true { kept[networks]?.ordered = ordered }
        return ordered
    }

    /// The facts of `networks` under `profiles` at `stamp` on `day`: kept ones, a reading under way for the same
    /// stamp, or a new reading by `read`, which gets the latest earlier reading of the same day and profiles to build
    /// on (or nil).
    func reading(
        of networks: [NetworkID], profiles: [ProfileSettings], stamp: String, day: Day,
        read: @escaping @Sendable (_ earlier: Reading?) async throws -> Reading
    ) async throws -> Reading {
        clock += 1
        if let entry = kept[networks], entry.reading.holds(stamp, day, profiles) {
            kept[networks]?.used = clock
            return entry.reading
        }
        if let under = running[networks], under.stamp == stamp, under.day == day, under.profiles == profiles {
            return try await under.task.value
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
            kept[networks] = (reading, nil, clock)
            while kept.count > capacity, let oldest = kept.min(by: { $0.value.used < $1.value.used })?.key {
                kept[oldest] = nil
            }
            return reading
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
