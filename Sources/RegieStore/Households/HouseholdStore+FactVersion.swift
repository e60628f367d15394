import Foundation
import RegieCore
import SQLKit

extension HouseholdStore {
    /// Raises the household's fact version, in the transaction that records the change: whatever was derived
    /// from the household's facts before is stale from this commit on, on every app server. Raised by one per
    /// recorded event (`changes`), so a household's version is never below the number of its events.
    public static func touch(_ household: HouseholdID, changes: Int = 1, on db: any SQLDatabase) async throws {
        try await db.update("households")
            .set(
                SQLIdentifier("fact_version"),
                to: SQLBinaryExpression(SQLIdentifier("fact_version"), .add, SQLBind(changes))
            )
            .where("id", .equal, SQLBind(household.rawValue)).run()
    }

    /// Raises the fact version of every household whose current director (or process director) is `user`, or whose
    /// director was appointed from `organisation`: the director's name and organisation are read with the household's
    /// facts and kept with them (the case list's rows), so renaming either must make those rows stale like any other
    /// change. No timeline event: the household itself did not change.
    public static func touchDirected(
        by user: UserID? = nil, from organisation: OrganisationID? = nil, on db: any SQLDatabase
    ) async throws {
        guard user != nil || organisation != nil else { return }
        try await db.update("households")
            .set(
                SQLIdentifier("fact_version"),
                to: SQLBinaryExpression(SQLIdentifier("fact_version"), .add, SQLBind(1))
            )
            .where(
                "id", .in,
                SQLSubquery.select { query in
                    query.column("household_id").from("case_directors").where("ended_on", .is, SQLLiteral.null)
                    if let user { query.where("user_id", .equal, SQLBind(user.rawValue)) }
                    if let organisation { query.where("organisation_id", .equal, SQLBind(organisation.rawValue)) }
                    return query
                }
            )
            .run()
    }

    /// The household's fact version, read inside a write transaction with its row locked (PostgreSQL; SQLite has one
    /// writer at a time anyway): no other writer can raise it until this transaction ends, so the version read again
    /// at its end differs only by this transaction's own changes.
    public static func lockedFactVersion(of household: HouseholdID, on db: any SQLDatabase) async throws -> Int64 {
        try await db.select().column("fact_version").from("households")
            .where("id", .equal, SQLBind(household.rawValue)).for(.update).first()?
            .decode(column: "fact_version", as: Int64.self) ?? 0
    }

    /// The fact versions of the given households (those that exist).
    public static func factVersions(of households: [HouseholdID], on db: any SQLDatabase) async throws
        -> [(household: HouseholdID, version: Int64)]
    {
        guard !households.isEmpty else { return [] }
        return try await db.select().column("id").column("fact_version").from("households")
            .where("id", .in, SQLBind.group(households.map(\.rawValue))).all()
            .map {
                (
                    HouseholdID(rawValue: try $0.decode(column: "id", as: String.self)),
                    try $0.decode(column: "fact_version", as: Int64.self)
                )
            }
    }
}

extension HouseholdStore {
    /// A stamp that changes whenever any household of `networks` changes or a household is added: the number of
    /// households and the sum of their fact versions (each change raises one version by one).
    public static func factStamp(of networks: [NetworkID], on db: any SQLDatabase) async throws -> String {
        guard !networks.isEmpty else { return "0:0" }
        // One network, the common case, has a statement of fixed shape; more make an IN list of their number.
        let row =
            networks.count == 1
            ? try await stampOfOne.fetch([networks[0].rawValue], on: db).first()
            : try await stampQuery(of: networks, on: db).first()
        return try stamp(of: row)
    }

    /// `factStamp(of:)` with the directory's version after it, in the same read: for what shows names of people and
    /// organisations beside the households' facts (a rename raises the directory's version, not the households').
    public static func factStampWithDirectory(of network: NetworkID, on db: any SQLDatabase) async throws
        -> (stamp: String, directory: Int64)
    {
        let row = try await stampWithDirectory.fetch([network.rawValue], on: db).first()
        let directory = try row?.decode(column: "directory", as: Int64.self) ?? 0
        return (stamp(try stamp(of: row), directory: directory), directory)
    }

    /// What waits in a network for its directors, read with its fact stamp: break-glass accesses to review and
    /// hand-overs to answer.
    public struct Waiting: Sendable {
        public let unreviewedAccesses: Int
        public let handoverOffers: Int
        /// Nothing waiting: for a user who reviews and answers nothing.
        public static let nothing = Waiting(unreviewedAccesses: 0, handoverOffers: 0)
    }

    /// `factStamp(of:)` of one network with what waits there (`Waiting`) in the same read: a director's worklist
    /// reads those lists only when something waits, which is rare, instead of on every view.
    public static func factStampWithWaiting(of network: NetworkID, on db: any SQLDatabase) async throws
        -> (stamp: String, waiting: Waiting)
    {
        let row = try await stampWithWaiting.fetch([network.rawValue], on: db).first()
        let waiting = Waiting(
            unreviewedAccesses: try row?.decode(column: "unreviewed", as: Int.self) ?? 0,
            handoverOffers: try row?.decode(column: "offers", as: Int.self) ?? 0)
        return (try stamp(of: row), waiting)
    }

    /// Names the statement below on PostgreSQL, where it runs prepared (`KeptStatement`).
    enum StampOfOne {}

    /// The stamp statements a list page runs on every view, kept rendered (`KeptStatement`).
    private static let stampOfOne = KeptStatement<StampOfOne> { db, parameters in
        stampQuery(of: [NetworkID(rawValue: parameters[0])], on: db).query
    }

    /// Names the statement below on PostgreSQL, where it runs prepared (`KeptStatement`).
    enum StampWithDirectory {}

    private static let stampWithDirectory = KeptStatement<StampWithDirectory> { db, parameters in
        stampQuery(of: [NetworkID(rawValue: parameters[0])], on: db).column(DirectoryVersion.now, as: "directory")
            .query
    }

    /// Names the statement below on PostgreSQL, where it runs prepared (`KeptStatement`).
    enum StampWithWaiting {}

    private static let stampWithWaiting = KeptStatement<StampWithWaiting> { db, parameters in
        let network = NetworkID(rawValue: parameters[0])
        return stampQuery(of: [network], on: db)
            .column(BreakGlassStore.unreviewedCount(in: SQLBind(network.rawValue)), as: "unreviewed")
            .column(HandoverStore.pendingCount(to: SQLBind(network.rawValue)), as: "offers").query
    }

    /// The count and version sum of the households of `networks`, as one row: read from the stamps the database
    /// keeps per network (`M023NetworkStamps`) rather than counted.
    private static func stampQuery(of networks: [NetworkID], on db: any SQLDatabase) -> SQLSelectBuilder {
        db.select()
            // PostgreSQL sums BIGINT as NUMERIC: cast back, so both databases answer an integer.
            .column(SQLRaw("CAST(COALESCE(SUM(households), 0) AS BIGINT)"), as: "households")
            .column(SQLRaw("CAST(COALESCE(SUM(versions), 0) AS BIGINT)"), as: "versions")
            .from("network_stamps")
            .where("network_id", .in, SQLGroupExpression(networks.map { SQLBind($0.rawValue) }))
    }

    private static func stamp(of row: (any SQLRow)?) throws -> String {
        stamp(
            households: try row?.decode(column: "households", as: Int64.self) ?? 0,
            versions: try row?.decode(column: "versions", as: Int64.self) ?? 0)
    }

    /// A fact stamp with the directory's version `directory` after it (`factStampWithDirectory(of:)`).
    static func stamp(_ stamp: String, directory: Int64) -> String { "\(stamp):\(directory)" }

    /// The stamp of households numbering `households` whose versions add up to `versions`.
    static func stamp(households: Int64, versions: Int64) -> String { "\(households):\(versions)" }

    /// The stamp `stamp` becomes when its households' versions rise by `changes` together and no household is
    /// added: what a writer that knows its own changes expects to read back if nobody else wrote meanwhile.
    public static func factStamp(_ stamp: String, raisedBy changes: Int64) -> String? {
        let parts = stamp.split(separator: ":")
        guard parts.count == 2, let households = Int64(parts[0]), let versions = Int64(parts[1]) else { return nil }
        return "\(households):\(versions + changes)"
    }
}
