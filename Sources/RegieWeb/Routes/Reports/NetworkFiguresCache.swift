import Foundation
import RegieCore
import RegieStore

/// The counted figures per set of networks and period, kept under the same stamp and day as their facts: counting
/// a region's 100,000 households into every breakdown took longer than rendering the page, on every view. After a
/// change the figures are counted on from the kept tally — the changed households' old shares out, their new ones
/// in — so the dashboard after a new signal costs the households that changed, not the network's thousands.
typealias NetworkFiguresCache = StampedCache<NetworkFiguresSlot, CountedFigures>

/// What a set of counted figures was counted over, and by which profiles (the norms decide what counts as on time).
struct NetworkFiguresSlot: Hashable, Sendable {
    let networks: [NetworkID]
    let period: ReportPeriod
    let profiles: [ProfileSettings]
}

extension WebApp {
    /// The figure facts of `networks` today, from the cache while their households' fact stamp stands. The stamp
    /// is read before the facts (or with the session, `known`), so kept facts are never older than their stamp says.
    func figureFacts(
        in networks: [Network], known: [NetworkID: HouseholdStore.NetworkStamp] = [:], today: Day = Day(Date())
    ) async throws -> [FigureFacts] {
        let ids = Self.figureKey(networks)
        let stamp = try await factStamp(ids, known: known)
        return try await figureFactsLedger.facts(
            of: ids, profiles: Self.figureProfiles(networks), stamp: stamp, day: today,
            read: readFigureFacts(in: networks, today: today, stamp: stamp))
    }

    /// The figures of `networks` over `period` today, counted once per fact stamp and day.
    func networkFigures(in networks: [Network], period: ReportPeriod, today: Day) async throws -> NetworkFigures {
        let ids = Self.figureKey(networks)
        let stamp = try await factStamp(ids)
        let profiles = Dictionary(uniqueKeysWithValues: networks.map { ($0.id, self.profiles.profile(for: $0)) })
        let app = self
        return try await networkFiguresCache.value(
            of: NetworkFiguresSlot(networks: ids, period: period, profiles: Self.figureProfiles(networks)),
            stamp: stamp, day: today
        ) { earlier in
            CountedFigures.count(
                try await app.figureFactsLedger.reading(
                    of: ids, profiles: Self.figureProfiles(networks), stamp: stamp, day: today,
                    read: app.readFigureFacts(in: networks, today: today, stamp: stamp)), on: earlier, period: period,
                profiles: { profiles[$0] ?? nil },
                calendar: app.calendar, today: today)
        }.figures
    }

    /// The dashboard, the neighbourhood view and the inspection read a region's history once, and after a change
    /// only the households that changed (`FigureFactsLedger`).
    private func readFigureFacts(in networks: [Network], today: Day, stamp: String)
        -> @Sendable (FigureFactsLedger.Reading?) async throws -> FigureFactsLedger.Reading
    {
        let ids = Self.figureKey(networks)
        let profiles = Dictionary(uniqueKeysWithValues: networks.map { ($0.id, self.profiles.profile(for: $0)) })
        let (calendar, database) = (calendar, database)
        let settings = Self.figureProfiles(networks)
        let app = self
        return { earlier in
            let db = database.sql
            // Each network's versions as the lists keep them (`factVersions(in:)`): after a change only the changed
            // households are read, not the network's thousands.
            var sources: [NetworkID: NetworkFactVersions] = [:]
            for network in ids { sources[network] = try await app.factVersions(in: network) }
            let (changed, gone) = earlier?.moved(to: sources) ?? ([], [])
            func read(_ households: [HouseholdID]?) async throws -> [FigureFacts] {
                try await FigureStore.facts(
                    in: ids, households: households, profiles: { profiles[$0] ?? nil }, calendar: calendar,
                    today: today, on: db)
            }
            // Many changes at once (the first reading, a new day) are cheaper read whole than 500 at a time.
            guard let earlier, changed.count <= Self.figureRereadLimit else {
                let all = try await read(nil)
                return .init(
                    stamp: stamp, day: today, profiles: settings, sources: sources,
                    facts: Dictionary(all.map { ($0.household, $0) }) { _, last in last }, change: nil)
            }
            let moved = changed + gone
            var before: [HouseholdID: FigureFacts] = [:]
            for household in moved { before[household] = earlier.facts[household] }
            var facts = earlier.facts
            for household in gone { facts[household] = nil }
            for start in stride(from: 0, to: changed.count, by: 500) {
                let chunk = Array(changed[start..<min(start + 500, changed.count)])
                for household in chunk { facts[household] = nil }
                for fact in try await read(chunk) { facts[fact.household] = fact }
            }
            return .init(
                stamp: stamp, day: today, profiles: settings, sources: sources, facts: facts,
                change: .init(since: earlier.stamp, households: moved, before: before))
        }
    }

    /// Above this many changed households a reading reads the networks whole, and the figures are counted afresh.
    static let figureRereadLimit = 2_000

    /// The fact stamp of `ids`: from the stamps read with the user's session (`known`) when it holds them all, else
    /// read — on PostgreSQL a statement, and a round trip between threads, fewer on every view of the dashboard.
    func factStamp(_ ids: [NetworkID], known: [NetworkID: HouseholdStore.NetworkStamp] = [:]) async throws -> String {
        if let stamp = HouseholdStore.factStamp(of: ids, from: known) { return stamp }
        return try await HouseholdStore.factStamp(of: ids, on: database.sql)
    }

    static func figureKey(_ networks: [Network]) -> [NetworkID] {
        networks.map(\.id).sorted { $0.rawValue < $1.rawValue }
    }

    /// The profile settings of `networks` in the order of their key.
    static func figureProfiles(_ networks: [Network]) -> [ProfileSettings] {
        networks.sorted { $0.id.rawValue < $1.id.rawValue }.map(\.profileSettings)
    }
}
