import Foundation
import RegieCore
import RegieStore

/// The facts the figures count, per set of networks, kept per app server while nothing in those networks
/// changed (the households' fact stamp) on the same day: the dashboard, the neighbourhood view and the
/// inspection read a region's history once instead of on every view. At region scale sixteen parallel readings
/// took longer than any browser waits, so simultaneous misses wait for one reading. A few sets are kept (a
/// director's network, the region).
typealias FigureFactsCache = StampedCache<[NetworkID], [FigureFacts]>

extension WebApp {
    /// The figure facts of `networks` today, from the cache while their households' fact stamp stands. The stamp
    /// is read before the facts, so kept facts are never older than their stamp says.
    func figureFacts(in networks: [Network], today: Day = Day(Date())) async throws -> [FigureFacts] {
        let ids = networks.map(\.id).sorted { $0.rawValue < $1.rawValue }
        let stamp = try await HouseholdStore.factStamp(of: ids, on: database.sql)
        let profiles = Dictionary(uniqueKeysWithValues: networks.map { ($0.id, self.profiles.profile(for: $0)) })
        let (calendar, database) = (calendar, database)
        return try await figureFactsCache.value(of: ids, stamp: stamp, day: today) {
            try await FigureStore.facts(
                in: ids, profiles: { profiles[$0] ?? nil }, calendar: calendar, today: today, on: database.sql)
        }
    }
}
