import Foundation
import RegieCore
import RegieStore

/// The facts the figures count, per set of networks, kept per app server while nothing in those networks
/// changed (the households' fact stamp) on the same day: the dashboard, the neighbourhood view and the
/// inspection read a region's history once instead of on every view. Requests that miss at the same moment wait
/// for one reading instead of each reading the region (at region scale sixteen parallel readings took longer than
/// any browser waits). A few sets are kept (a director's network, the region); the least recently used goes first.
actor FigureFactsCache {
    private struct Key: Hashable {
        let networks: [NetworkID]
        let stamp: String
        let day: Day
    }

    private struct Entry {
        let key: Key
        let reading: Task<[FigureFacts], any Error>
        var used: UInt64
    }

    private var entries: [[NetworkID]: Entry] = [:]
    private var clock: UInt64 = 0
    private let capacity = 8

    /// The facts for `networks` at `stamp` on `day`: kept ones, the reading already under way, or a new reading
    /// by `read`. A failed reading is not kept.
    func facts(
        for networks: [NetworkID], stamp: String, day: Day,
        read: @escaping @Sendable () async throws -> [FigureFacts]
    ) async throws -> [FigureFacts] {
        let key = Key(networks: networks, stamp: stamp, day: day)
        clock += 1
        let reading: Task<[FigureFacts], any Error>
        if var entry = entries[networks], entry.key == key {
            entry.used = clock
            entries[networks] = entry
            reading = entry.reading
        } else {
            reading = Task { try await read() }
            entries[networks] = Entry(key: key, reading: reading, used: clock)
            while entries.count > capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key {
                entries[oldest] = nil
            }
        }
        do {
            return try await reading.value
        } catch {
            if entries[networks]?.key == key { entries[networks] = nil }
            throw error
        }
    }
}

extension WebApp {
    /// The figure facts of `networks` today, from the cache while their households' fact stamp stands. The stamp
    /// is read before the facts, so kept facts are never older than their stamp says.
    func figureFacts(in networks: [Network], today: Day = Day(Date())) async throws -> [FigureFacts] {
        let ids = networks.map(\.id).sorted { $0.rawValue < $1.rawValue }
        let stamp = try await HouseholdStore.factStamp(of: ids, on: database.sql)
        let profiles = Dictionary(uniqueKeysWithValues: networks.map { ($0.id, self.profiles.profile(for: $0)) })
        let (calendar, database) = (calendar, database)
        return try await figureFactsCache.facts(for: ids, stamp: stamp, day: today) {
            try await FigureStore.facts(
                in: ids, profiles: { profiles[$0] ?? nil }, calendar: calendar, today: today, on: database.sql)
        }
    }
}
