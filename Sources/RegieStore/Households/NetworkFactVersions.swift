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

    /// The households with their versions. A household keeps its place; one that is new comes last.
    public private(set) var versions: [(household: HouseholdID, version: Int64)]
    /// The network's fact stamp these versions make up (the form of `HouseholdStore.factStamp(of:)`).
    public private(set) var stamp: String
    private var position: [HouseholdID: Int]
    private(set) var mark: Int64
    /// This reading.
    public private(set) var reading = Reading(id: UUID())
    /// The latest merges, oldest first: the read each one made and the households it changed or added (none for the
    /// whole read a line of merges starts from).
    private var merges: [(reading: Reading, households: [HouseholdID])] = []

    /// The network's households marked after a mark, with the network's totals from the same statement.
    struct Changes {
        let households: Int64
        let versionSum: Int64
        let rows: [(household: HouseholdID, version: Int64, mark: Int64)]
    }

    /// Every household from one statement: they make up the totals of that statement.
    private init(whole: Changes) {
        versions = []
        position = [:]
        mark = -1
        stamp = HouseholdStore.stamp(households: whole.households, versions: whole.versionSum)
        apply(whole.rows)
        merges = [(reading, [])]
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
        guard next.versions.count == changes.households,
            next.versions.reduce(0, { $0 + $1.version }) == changes.versionSum
        else { return nil }
        next.stamp = HouseholdStore.stamp(households: changes.households, versions: changes.versionSum)
        next.reading = Reading(id: UUID())
        next.merges.append((next.reading, changes.rows.map(\.household)))
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

    /// Where `household` stands in `versions`.
    public func position(of household: HouseholdID) -> Int? { position[household] }

    private mutating func apply(_ rows: [(household: HouseholdID, version: Int64, mark: Int64)]) {
        for row in rows {
            if let at = position[row.household] {
                versions[at].version = row.version
            } else {
                position[row.household] = versions.count
                versions.append((row.household, row.version))
            }
            mark = max(mark, row.mark)
        }
    }

    /// The households of `network` marked after `mark` (all of them for -1) and the network's totals (kept by the
    /// database, `M023NetworkStamps`), in one statement so that they agree.
    static func changes(in network: NetworkID, after mark: Int64, on db: any SQLDatabase) async throws -> Changes {
        let rows = try await db.raw(
            """
            SELECT NULL AS id, households AS fact_version, versions AS fact_changed
            FROM network_stamps WHERE network_id = \(bind: network.rawValue)
            UNION ALL
            SELECT id, fact_version, fact_changed FROM households
            WHERE network_id = \(bind: network.rawValue) AND fact_changed > \(bind: mark)
            """
        ).all()
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
}
