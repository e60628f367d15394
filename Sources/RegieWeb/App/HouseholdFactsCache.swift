import Foundation
import RegieCore
import RegieStore

/// What list pages derive from a household's facts — its access context and its overview row — kept per app
/// server and keyed by the household's fact version and the day. A recorded change raises the version in its
/// own transaction and norms move with the calendar, so an entry is used only while both still match; every
/// server keeps its own and the version in the database makes them agree (servers stay stateless). The case page
/// decides on the kept context too, at the version it reads first; actions that change a household read theirs
/// afresh.
actor HouseholdFactsCache {
    /// What was derived from one household's facts at one version on one day. Immutable and shared by
    /// reference: a list of a 2,500-household network walks its entries on every request, and copying them
    /// (contexts with care teams, rows with escalations) was most of that request's time.
    final class Entry: Sendable {
        let version: Int64
        let day: Day
        let context: HouseholdAccessContext
        let row: CaseOverview.Row?

        init(version: Int64, day: Day, context: HouseholdAccessContext, row: CaseOverview.Row? = nil) {
            self.version = version
            self.day = day
            self.context = context
            self.row = row
        }

        var household: HouseholdID { context.household }

        /// The same entry with its overview row derived.
        func with(_ row: CaseOverview.Row) -> Entry { Entry(version: version, day: day, context: context, row: row) }
    }

    private var entries: [HouseholdID: Entry] = [:]
    /// Each network's households with their versions, as last read.
    private var networkVersions: [NetworkID: NetworkFactVersions] = [:]
    /// Each network's latest read of its versions, under way or done: the next one waits for it.
    private var networkReads: [NetworkID: Task<NetworkFactVersions, any Error>] = [:]
    /// Each network's entries at one read of its versions, as last derived.
    private var networkEntries: [NetworkID: NetworkEntries] = [:]

    /// The households of `network` with their versions, making up `stamp` or a later one: those kept, or those `read`
    /// brings up to date from them. One read per network at a time, each from the versions the one before it kept,
    /// and a read that waited takes what the one before it found when that makes up `stamp`. So every reading is
    /// merged from the one before it, and a list derived from any of them learns what changed since
    /// (`NetworkFactVersions.changed(since:)`): when requests after a new signal read side by side, each merged
    /// from the same versions and only one was kept, and the lists derived from the others were derived anew from
    /// every household of the network.
    func versions(
        of network: NetworkID, stamp: String,
        read: @escaping @Sendable (_ kept: NetworkFactVersions?) async throws -> NetworkFactVersions
    ) async throws -> NetworkFactVersions {
        if let kept = networkVersions[network], kept.stamp == stamp { return kept }
        let before = networkReads[network]
        // Runs on this actor between its awaits, so the versions it starts from are those the read before it kept.
        let this = Task {
            if let found = try? await before?.value, found.stamp == stamp { return found }
            let versions = try await read(self.networkVersions[network])
            self.networkVersions[network] = versions
            return versions
        }
        networkReads[network] = this
        defer { if networkReads[network] == this { networkReads[network] = nil } }
        return try await this.value
    }

    /// The entries of `network` as last derived, whatever read they belong to.
    func entries(of network: NetworkID) -> NetworkEntries? { networkEntries[network] }

    /// Keeps `entries` as those of `network`.
    func keep(_ entries: NetworkEntries, of network: NetworkID) { networkEntries[network] = entries }

    /// For each of the given versions, in order, the entry still valid today or `nil` when the household must be
    /// derived afresh.
    func fresh(_ versions: [(household: HouseholdID, version: Int64)], today: Day) -> [Entry?] {
        versions.map { household, version in
            guard let entry = entries[household], entry.version == version, entry.day == today else { return nil }
            return entry
        }
    }

    /// Keeps what was derived — also in its network's kept entries, where an overview row derived later must land
    /// for the next list to find it. A newer entry is never replaced by one derived from an older version.
    func keep(_ derived: [Entry]) {
        for entry in derived {
            if let existing = entries[entry.household], existing.day == entry.day, existing.version > entry.version {
                continue
            }
            entries[entry.household] = entry
            networkEntries[entry.context.network]?.update(entry)
        }
    }
}

extension WebApp {
    /// The cache's entries for the given households at their current fact versions, in the order given, with the
    /// access context read afresh (and kept) for every household whose entry went stale. The version is read
    /// before the facts, so an entry is never newer than its version claims. A household that no longer exists
    /// is left out.
    func householdEntries(_ versions: [(household: HouseholdID, version: Int64)], today: Day) async throws
        -> [HouseholdFactsCache.Entry]
    {
        try await alignedEntries(versions, today: today).compactMap { $0 }
    }

    /// As `householdEntries`, one per version given: `nil` for a household that no longer exists.
    private func alignedEntries(_ versions: [(household: HouseholdID, version: Int64)], today: Day) async throws
        -> [HouseholdFactsCache.Entry?]
    {
        let found = await householdFacts.fresh(versions, today: today)
        let stale = versions.indices.filter { found[$0] == nil }.map { versions[$0].household }
        guard !stale.isEmpty else { return found }
        let contexts = try await HouseholdStore.accessContexts(stale, on: database.sql)
        var entries = found
        var derived: [HouseholdFactsCache.Entry] = []
        for (index, (household, version)) in versions.enumerated() where found[index] == nil {
            guard let context = contexts[household] else { continue }
            let entry = HouseholdFactsCache.Entry(version: version, day: today, context: context)
            entries[index] = entry
            derived.append(entry)
        }
        if !derived.isEmpty { await householdFacts.keep(derived) }
        return entries
    }

    /// The entries of every household of a network at its versions now. The entries last derived for the network
    /// are taken over where the versions' merges since did not touch them, so after one new signal one household is
    /// looked at, not 2,500 (`NetworkEntries`).
    func networkEntries(_ network: NetworkID, today: Day) async throws -> NetworkEntries {
        let versions = try await factVersions(in: network)
        let kept = await householdFacts.entries(of: network)
        if let kept, kept.day == today, kept.reading == versions.reading { return kept }
        let entries: NetworkEntries
        if let kept, kept.day == today, let changed = versions.changed(since: kept.reading) {
            let wanted = changed.compactMap { household in
                versions.position(of: household).map { (household, versions.versions[$0].version) }
            }
            entries = kept.merging(try await alignedEntries(wanted, today: today), at: wanted, into: versions)
        } else {
            entries = NetworkEntries(
                versions: versions, day: today,
                aligned: try await alignedEntries(Array(versions.versions), today: today))
        }
        await householdFacts.keep(entries, of: network)
        return entries
    }

    /// Every household of `network` with its fact version. The network's fact stamp is one row where the versions
    /// are one per household (2,500 in a large network, read and decoded on every list view), so the versions are
    /// kept per server and used while they make up the stamp; when it moved, only the households changed since are
    /// read (`NetworkFactVersions`). They are read after the stamp, so what is returned is never older than it.
    func factVersions(in network: NetworkID) async throws -> NetworkFactVersions {
        let db = database.sql
        let stamp = try await HouseholdStore.factStamp(of: [network], on: db)
        return try await householdFacts.versions(of: network, stamp: stamp) { kept in
            try await NetworkFactVersions.read(network, after: kept, on: db)
        }
    }
}
