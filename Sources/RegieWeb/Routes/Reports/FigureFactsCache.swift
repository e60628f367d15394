import Foundation
import RegieCore
import RegieStore

/// The facts the figures count, per set of networks, kept per app server while nothing in those networks
/// changed (the households' fact stamp) on the same day: the dashboard, the neighbourhood view and the
/// inspection read a region's history once instead of on every view. At region scale sixteen parallel readings
/// took longer than any browser waits, so simultaneous misses wait for one reading. A few sets are kept (a
/// director's network, the region).
typealias FigureFactsCache = StampedCache<[NetworkID], [FigureFacts]>

/// The counted figures per set of networks and period, kept under the same stamp and day as their facts: counting
/// a region's 100,000 households into every breakdown took longer than rendering the page, on every view.
typealias NetworkFiguresCache = StampedCache<NetworkFiguresSlot, NetworkFigures>

/// What a set of counted figures was counted over.
struct NetworkFiguresSlot: Hashable, Sendable {
    let networks: [NetworkID]
    let period: ReportPeriod
}

extension WebApp {
    /// The figure facts of `networks` today, from the cache while their households' fact stamp stands. The stamp
    /// is read before the facts, so kept facts are never older than their stamp says.
    func figureFacts(in networks: [Network], today: Day = Day(Date())) async throws -> [FigureFacts] {
        let ids = Self.figureKey(networks)
        return try await figureFacts(in: networks, today: today, stamp: try await factStamp(ids))
    }

    /// The figures of `networks` over `period` today, counted once per fact stamp and day.
    func networkFigures(in networks: [Network], period: ReportPeriod, today: Day) async throws -> NetworkFigures {
        let ids = Self.figureKey(networks)
        let stamp = try await factStamp(ids)
        let profiles = Dictionary(uniqueKeysWithValues: networks.map { ($0.id, self.profiles.profile(for: $0)) })
        let app = self
        return try await networkFiguresCache.value(
            of: NetworkFiguresSlot(networks: ids, period: period), stamp: stamp, day: today
        ) {
            NetworkFigures(
                facts: try await app.figureFacts(in: networks, today: today, stamp: stamp), period: period,
                profiles: { profiles[$0] ?? nil }, calendar: app.calendar, today: today)
        }
    }

    private func figureFacts(in networks: [Network], today: Day, stamp: String) async throws -> [FigureFacts] {
        let ids = Self.figureKey(networks)
        let profiles = Dictionary(uniqueKeysWithValues: networks.map { ($0.id, self.profiles.profile(for: $0)) })
        let (calendar, database) = (calendar, database)
        return try await figureFactsCache.value(of: ids, stamp: stamp, day: today) {
            try await FigureStore.facts(
                in: ids, profiles: { profiles[$0] ?? nil }, calendar: calendar, today: today, on: database.sql)
        }
    }

    private func factStamp(_ ids: [NetworkID]) async throws -> String {
        try await HouseholdStore.factStamp(of: ids, on: database.sql)
    }

    private static func figureKey(_ networks: [Network]) -> [NetworkID] {
        networks.map(\.id).sorted { $0.rawValue < $1.rawValue }
    }
}
