import Foundation
import RegieCore
import RegieStore

/// The facts the figures count, per set of networks, kept per app server while nothing in those networks
/// changed (the households' fact stamp) on the same day: the dashboard, the neighbourhood view and the
/// inspection read a region's history once instead of on every view. A few sets are kept (a director's
/// network, the region); the least recently used one goes first.
actor FigureFactsCache {
    private struct Entry {
        let stamp: String
        let day: Day
        let facts: [FigureFacts]
        var used: UInt64
    }

    private var entries: [[NetworkID]: Entry] = [:]
    private var clock: UInt64 = 0
    private let capacity = 8

    func facts(for networks: [NetworkID], stamp: String, day: Day) -> [FigureFacts]? {
        guard var entry = entries[networks], entry.stamp == stamp, entry.day == day else { return nil }
        clock += 1
        entry.used = clock
        entries[networks] = entry
        return entry.facts
    }

    func keep(_ facts: [FigureFacts], for networks: [NetworkID], stamp: String, day: Day) {
        clock += 1
        entries[networks] = Entry(stamp: stamp, day: day, facts: facts, used: clock)
        while entries.count > capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key {
            entries[oldest] = nil
        }
    }
}

extension WebApp {
    /// The figure facts of `networks` today, from the cache while their households' fact stamp stands. The stamp
    /// is read before the facts, so kept facts are never older than their stamp says.
    func figureFacts(in networks: [Network], today: Day = Day(Date())) async throws -> [FigureFacts] {
        let ids = networks.map(\.id).sorted { $0.rawValue < $1.rawValue }
        let stamp = try await HouseholdStore.factStamp(of: ids, on: database.sql)
        if let kept = await figureFactsCache.facts(for: ids, stamp: stamp, day: today) { return kept }
        let profiles = Dictionary(uniqueKeysWithValues: networks.map { ($0.id, self.profiles.profile(for: $0)) })
        let facts = try await FigureStore.facts(
            in: ids, profiles: { profiles[$0] ?? nil }, calendar: calendar, today: today, on: database.sql)
        await figureFactsCache.keep(facts, for: ids, stamp: stamp, day: today)
        return facts
    }
}
