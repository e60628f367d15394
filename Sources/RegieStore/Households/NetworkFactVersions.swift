import Foundation
import RegieCore
import SQLKit

/// Every household of one network with its fact version, as of one read, and the highest change mark (M021) that
/// read saw. Kept per app server, it is brought up to date by reading only the households marked since: after a new
/// signal that is one row, where a region's network has 2,500. What is merged is checked against the network's
/// totals read in the same statement — versions only rise and households are never removed, so when the count and
/// the sum of the versions agree, every version does — and read whole when they do not (on PostgreSQL a writer can
/// commit a mark below one that was read already).
///
/// Each read is its own `Reading` and remembers which households the merges before it changed, so what was derived
/// from an earlier reading (a worklist, a signal list) can be brought up to date by the households changed since
/// (`changed(since:)`) instead of comparing all 2,500 versions — under a mixed load of reading and new signals, that
/// comparison on every list view after a change was a quarter of the server's time.
public struct NetworkFactVersions: Sendable {
    /// One reading of a network's versions: unique per server, so two merges of the same earlier reading (two
    /// requests at once) are never taken for each other.
    public struct Reading: Hashable, Sendable {
        let id: UUID
    }

    /// How many merges back `changed(since:)` can answer; from an older reading everything is derived anew.
    static let remembered = 64

    /// The households with their versions. A household keeps its place; one that is new comes last. Kept in chunks
    /// (`ChunkedArray`), as are the places (`BucketedDictionary`): a merge changes a copy in a few places while the
    /// versions merged from stay in use, and at 18,000 households copying all of them on every change was most of
    /// bringing them up to date.
    public private(set) var versions: ChunkedArray<(household: HouseholdID, version: Int64)>
    /// The sum of `versions`' versions, kept as they change: summing them after every merge read them all.
    private var versionSum: Int64 = 0
    /// The network's fact stamp these versions make up (the form of `HouseholdStore.factStamp(of:)`).
    public private(set) var stamp: String
    private var position: BucketedDictionary<HouseholdID, Int>
    private(set) var mark: Int64
    /// This reading.
    public private(set) var reading = Reading(id: UUID())
    /// The latest merges, oldest first: the read each one made, the households it changed or added (none for the
    /// whole read a line of merges starts from) and how many households the versions held after it.
    private var merges: [(reading: Reading, households: [HouseholdID], count: Int)] = []

    /// The network's households marked after a mark, with the network's totals from the same statement.
    struct Changes {
        let households: Int64
        let versionSum: Int64
        let rows: [(household: HouseholdID, version: Int64, mark: Int64)]
    }

    /// Every household from one statement: they make up the totals of that statement.
    private init(whole: Changes) {
        versions = []
        position = BucketedDictionary()
        mark = -1
        stamp = HouseholdStore.stamp(households: whole.households, versions: whole.versionSum)
        apply(whole.rows)
        merges = [(reading, [], versions.count)]
    }

    /// The versions of `network` now: `earlier` with the households marked since merged in, or every household read
    /// afresh when there is nothing earlier or the merge does not add up to the network's totals.
    public static func read(_ network: NetworkID, after earlier: NetworkFactVersions?, on db: any SQLDatabase)
        async throws -> NetworkFactVersions
    {
        if let earlier, let merged = earlier.merging(try await changes(in: network, after: earlier.mark, on: db)) {
            return merged
        }
        return NetworkFactVersions(whole: try await changes(in: network, after: -1, on: db))
    }

    /// These versions with `changes` merged in, or `nil` when the result does not make up the totals read with them.
    func merging(_ changes: Changes) -> NetworkFactVersions? {
        var next = self
        next.apply(changes.rows)
        guard next.versions.count == changes.households, next.versionSum == changes.versionSum else { return nil }
        next.stamp = HouseholdStore.stamp(households: changes.households, versions: changes.versionSum)
        next.reading = Reading(id: UUID())
        next.merges.append((next.reading, changes.rows.map(\.household), next.versions.count))
        if next.merges.count > Self.remembered { next.merges.removeFirst(next.merges.count - Self.remembered) }
        return next
    }

    /// The households whose versions may differ between `earlier` and these versions — changed or added by the
    /// merges since — or `nil` when `earlier` is not one of the readings these were merged from (read whole since,
    /// merged from a concurrent reading, or too long ago), and everything must be derived anew.
    public func changed(since earlier: Reading) -> Set<HouseholdID>? {
        if earlier == reading { return [] }
        var changed = Set<HouseholdID>()
        for merge in merges.reversed() {
            if merge.reading == earlier { return changed }
            changed.formUnion(merge.households)
        }
        return nil
    }

    /// Whether every one of `households` was added after `earlier`, a reading these were merged from: nothing derived
    /// at `earlier` is about them, so a list derived then has no lines of theirs to drop. After a new signal that is
    /// the one household that changed, and a kept list of 18,000 lines is taken over without asking each line whose
    /// it is (perf, forty-first session). A household keeps its place and new ones come last, so those added since
    /// stand at or past the number the versions held at `earlier`. `false` when `earlier` is not in the line.
    public func added(_ households: Set<HouseholdID>, since earlier: Reading) -> Bool {
        guard let before = merges.last(where: { $0.reading == earlier })?.count else { return false }
        return households.allSatisfy { household in position[household].map { $0 >= before } ?? false }
    }

    /// Where `household` stands in `versions`.
    public func position(of household: HouseholdID) -> Int? { position[household] }

    private mutating func apply(_ rows: [(household: HouseholdID, version: Int64, mark: Int64)]) {
        for row in rows {
            if let at = position[row.household] {
                versionSum += row.version - versions[at].version
                versions[at].version = row.version
            } else {
                position[row.household] = versions.count
                versions.append((row.household, row.version))
                versionSum += row.version
            }
            mark = max(mark, row.mark)
        }
    }

    /// The households of `network` marked after `mark` (all of them for -1) and the network's totals (kept by the
    /// database, `M023NetworkStamps`), in one statement so that they agree.
    static func changes(in network: NetworkID, after mark: Int64, on db: any SQLDatabase) async throws -> Changes {
        let rows = try await changesStatement.fetch([network.rawValue, String(mark)], on: db).all()
        var totals: (households: Int64, versions: Int64) = (0, 0)
        var changed: [(household: HouseholdID, version: Int64, mark: Int64)] = []
        changed.reserveCapacity(rows.count)
        for row in rows {
            let version = try row.decode(column: "fact_version", as: Int64.self)
            let mark = try row.decode(column: "fact_changed", as: Int64.self)
            if let id = try row.decode(column: "id", as: String?.self) {
                changed.append((HouseholdID(rawValue: id), version, mark))
            } else {
                totals = (version, mark)
            }
        }
        return Changes(households: totals.households, versionSum: totals.versions, rows: changed)
    }

    /// Names the statement below on PostgreSQL, where it runs prepared (`KeptStatement`): every list derived after a
    /// change reads it.
    enum ChangesStatement {}

    /// `changes(in:after:on:)`'s read: the network in the first parameter, the mark (a number, as text) in the second.
    private static let changesStatement = KeptStatement<ChangesStatement> { db, parameters in
        db.raw(
            """
            SELECT NULL AS id, households AS fact_version, versions AS fact_changed
            FROM network_stamps WHERE network_id = \(bind: parameters[0])
            UNION ALL
            SELECT id, fact_version, fact_changed FROM households
            WHERE network_id = \(bind: parameters[0]) AND fact_changed > CAST(\(bind: parameters[1]) AS BIGINT)
            """
        ).query
    }
}
