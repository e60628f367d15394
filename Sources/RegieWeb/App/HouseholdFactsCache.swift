import Foundation
import RegieCore
import RegieStore

/// What list pages derive from a household's facts — its access context and its overview row — kept per app
/// server and keyed by the household's fact version and the day. A recorded change raises the version in its
/// own transaction and norms move with the calendar, so an entry is used only while both still match; every
/// server keeps its own and the version in the database makes them agree (servers stay stateless). Single-case
/// pages never use it: their access decision reads the facts fresh.
actor HouseholdFactsCache {
    /// What was derived from one household's facts at one version on one day.
    struct Entry: Sendable {
        let version: Int64
        let day: Day
        let context: HouseholdAccessContext
        var row: CaseOverview.Row?
    }

    private var entries: [HouseholdID: Entry] = [:]

    /// The entries still valid for the given versions today; households missing here must be derived afresh.
    func fresh(_ versions: [(household: HouseholdID, version: Int64)], today: Day) -> [HouseholdID: Entry] {
        var found: [HouseholdID: Entry] = [:]
        for (household, version) in versions {
            if let entry = entries[household], entry.version == version, entry.day == today {
                found[household] = entry
            }
        }
        return found
    }

    /// Keeps what was derived. A newer entry is never replaced by one derived from an older version.
    func keep(_ derived: [HouseholdID: Entry]) {
        for (household, entry) in derived {
            if let existing = entries[household], existing.day == entry.day, existing.version > entry.version {
                continue
            }
            entries[household] = entry
        }
    }
}

extension WebApp {
    /// The cache's entries for the given households at their current fact versions, with the access context
    /// read afresh (and kept) for every household whose entry went stale. The version is read before the facts,
    /// so an entry is never newer than its version claims.
    func householdEntries(_ versions: [(household: HouseholdID, version: Int64)], today: Day) async throws
        -> [HouseholdID: HouseholdFactsCache.Entry]
    {
        var entries = await householdFacts.fresh(versions, today: today)
        var derived: [HouseholdID: HouseholdFactsCache.Entry] = [:]
        for (household, version) in versions where entries[household] == nil {
            guard let context = try await HouseholdStore.accessContext(household, on: database.sql) else { continue }
            derived[household] = HouseholdFactsCache.Entry(version: version, day: today, context: context)
        }
        await householdFacts.keep(derived)
        entries.merge(derived) { _, new in new }
        return entries
    }
}
