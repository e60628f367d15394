import Foundation
import RegieCore
import RegieStore

/// The cache entries of every household of one network at one reading of its versions (`NetworkFactVersions`), on one
/// day, kept per network by `HouseholdFactsCache`. A list derived from them remembers the reading, and after a change
/// asks the versions which households changed since (`changed(since:)`): at region scale a network has 2,500
/// households, and looking each one up again on every list view after every new signal was most of a mixed load.
struct NetworkEntries: Sendable {
    let versions: NetworkFactVersions
    let day: Day
    /// One per household of `versions`, in its order; `nil` for a household that vanished between the reads. In
    /// chunks, as the versions are (`ChunkedArray`): a merge changes a copy in a few places.
    private var aligned: ChunkedArray<HouseholdFactsCache.Entry?>

    init(versions: NetworkFactVersions, day: Day, aligned: [HouseholdFactsCache.Entry?]) {
        self.init(versions: versions, day: day, aligned: ChunkedArray(aligned))
    }

    private init(versions: NetworkFactVersions, day: Day, aligned: ChunkedArray<HouseholdFactsCache.Entry?>) {
        precondition(aligned.count == versions.versions.count, "one entry per household")
        self.versions = versions
        self.day = day
        self.aligned = aligned
    }

    /// The reading of the network's versions these entries belong to.
    var reading: NetworkFactVersions.Reading { versions.reading }

    /// Every household's entry, in the network's order.
    var all: [HouseholdFactsCache.Entry] { aligned.compactMap { $0 } }

    /// The entries of `households` that exist, in the network's order (stable, so lists derived from them are too).
    func entries(of households: Set<HouseholdID>) -> [HouseholdFactsCache.Entry] {
        households.compactMap { versions.position(of: $0) }.sorted().compactMap { aligned[$0] }
    }

    /// These entries brought to `next`, a later reading of the same line: `fresh` are the entries of the households
    /// `wanted` (changed or added since), one per household, `nil` where it vanished.
    func merging(
        _ fresh: [HouseholdFactsCache.Entry?], at wanted: [(household: HouseholdID, version: Int64)],
        into next: NetworkFactVersions
    ) -> NetworkEntries {
        var aligned = self.aligned
        while aligned.count < next.versions.count { aligned.append(nil) }
        for (entry, (household, _)) in zip(fresh, wanted) {
            if let at = next.position(of: household) { aligned[at] = entry }
        }
        return NetworkEntries(versions: next, day: day, aligned: aligned)
    }

    /// Takes `entry` in where it is the same household at the same version and day — the same facts with more
    /// derived from them (an overview row).
    mutating func update(_ entry: HouseholdFactsCache.Entry) {
        guard entry.day == day, let at = versions.position(of: entry.household),
            let existing = aligned[at], existing.version == entry.version
        else { return }
        aligned[at] = entry
    }
}
