import Foundation
import RegieCore
import SQLKit

/// The NEN 7513 access log: appended to on every access decision, never changed (the database refuses).
public enum AccessLogStore {
    public static func append(_ entry: AccessLogEntry, on db: any SQLDatabase) async throws {
        try await append([entry], on: db)
    }

    /// Appends many decisions (a list page's) in as few statements as the database's parameter limit allows; a
    /// list's entries become one row naming its household set (`AccessLogSets`), the set stored only when new.
    public static func append(_ entries: [AccessLogEntry], on db: any SQLDatabase) async throws {
        try await store(AccessLogSets(entries), on: db)
    }

    /// Stores grouped rows, and their sets when new; the sets in `stored` are known to be stored and not asked after.
    static func store(_ grouped: AccessLogSets, stored: StoredAccessSets? = nil, on db: any SQLDatabase) async throws {
        try await rows(of: grouped, stored: stored, on: db).insert(on: db)
    }

    /// Stores the sets of grouped rows that are new — as differences from `bases` where one is near enough — and
    /// returns the rows themselves to be inserted: the group commit inserts them with the new records of its
    /// transaction (`GroupCommit`), on PostgreSQL in one statement.
    static func rows(
        of grouped: AccessLogSets, stored: StoredAccessSets?, bases: AccessSetBases? = nil, on db: any SQLDatabase
    ) async throws -> NewRecords {
        try await storeNewSets(
            grouped.sets.filter { id, _ in stored?.contains(id) != true }, families: grouped.families, bases: bases,
            on: db)
        var records = NewRecords()
        for row in grouped.rows {
            let entry = row.entry
            records.add(
                "access_log", columns: columns + ["household_set"],
                values: [
                    SQLBind(entry.id), SQLBind(entry.occurredAt.millis), SQLBind(entry.user.rawValue),
                    SQLBind(entry.organisation.rawValue), SQLBind(entry.onBehalfOf?.rawValue),
                    SQLBind(row.householdSet == nil ? entry.household?.rawValue : nil),
                    SQLBind(entry.network?.rawValue),
                    SQLBind(entry.action.rawValue), SQLBind(entry.allowed), SQLBind(entry.rule.rawValue),
                    SQLBind(entry.breakGlass), SQLBind(entry.breakGlassReason), SQLBind(entry.requestID),
                    SQLBind(row.householdSet),
                ])
        }
        return records
    }

    /// Whether storing `parts` is one statement, all or nothing by itself: every set they name is known to be stored,
    /// and their rows fit one insert.
    static func isOneStatement(_ parts: [AccessLogSets], stored: StoredAccessSets) -> Bool {
        parts.allSatisfy { $0.sets.keys.allSatisfy(stored.contains) }
            && parts.reduce(0) { $0 + $1.rows.count } <= NewRecords.rowsPerStatement(columns: columns.count + 1)
    }

    /// Stores the sets not stored before, each in full or as its difference from a base (`AccessSetBases`). A set
    /// another server stores at the same moment is the same set (its id is its content), so a conflict is no error.
    private static func storeNewSets(
        _ sets: [String: [HouseholdID]], families: [String: String], bases: AccessSetBases?, on db: any SQLDatabase
    ) async throws {
        guard !sets.isEmpty else { return }
        struct Known: Decodable { let setId: String }
        let ids = Array(sets.keys)
        let known = Set(
            try await db.select().distinct().column("set_id").from("access_sets")
                .where("set_id", .in, SQLBind.group(ids))
                .union(all: { $0.column("set_id").from("access_set_bases").where("set_id", .in, SQLBind.group(ids)) })
                .all(decoding: Known.self, keyDecodingStrategy: .snakeCase).map(\.setId))
        bases?.forget(known)
        var inFull: [(String, HouseholdID)] = []
        var differences: [(String, AccessSetBases.Difference)] = []
        for (id, households) in sets where !known.contains(id) {
            if let family = families[id], let difference = bases?.decide(id, members: households, family: family) {
                differences.append((id, difference))
            } else {
                inFull += households.map { (id, $0) }
            }
        }
        try await insert(into: "access_sets", ["set_id", "household_id"], inFull, on: db) {
            [SQLBind($0.0), SQLBind($0.1.rawValue)]
        }
        try await insert(into: "access_set_bases", ["set_id", "base_id"], differences, on: db) {
            [SQLBind($0.0), SQLBind($0.1.base)]
        }
        let changes = differences.flatMap { id, difference in
            difference.added.map { (id, difference.base, $0, true) }
                + difference.removed.map { (id, difference.base, $0, false) }
        }
        try await insert(into: "access_set_changes", ["set_id", "base_id", "household_id", "added"], changes, on: db) {
            [SQLBind($0.0), SQLBind($0.1), SQLBind($0.2.rawValue), SQLBind($0.3)]
        }
    }

    /// Inserts `rows` into `table`, 500 to a statement, leaving out rows already there.
    private static func insert<Row>(
        into table: String, _ columns: [String], _ rows: [Row], on db: any SQLDatabase,
        values: (Row) -> [any SQLExpression]
    ) async throws {
        for start in stride(from: 0, to: rows.count, by: 500) {
            let insert = db.insert(into: table).columns(columns).ignoringConflicts()
            for row in rows[start..<min(start + 500, rows.count)] { insert.values(values(row)) }
            try await insert.run()
        }
    }

    /// Appends entries in their own transaction, shared with the entries other requests hand in meanwhile; returns
    /// once they are committed, so a page never shows household data before its access is logged.
    public static func append(_ entries: [AccessLogEntry], to database: RegieDatabase) async throws {
        guard !entries.isEmpty else { return }
        try await database.groupCommit.submit([AccessLogSets(entries)], to: database)
    }

    /// One logged access, as read back for reports.
    public struct Row: Sendable, Decodable {
        public let id: String
        public let occurredAt: Int64
        public let userId: String
        public let organisationId: String
        public let onBehalfOf: String?
        public let householdId: String?
        public let networkId: String?
        public let action: String
        public let allowed: Bool
        public let rule: String
        public let breakGlass: Bool
        public let breakGlassReason: String?
        public let requestId: String?
    }

    private static let columns = [
        "id", "occurred_at", "user_id", "organisation_id", "on_behalf_of", "household_id", "network_id", "action",
        "allowed", "rule", "break_glass", "break_glass_reason", "request_id",
    ]

    /// The log with one row per household an entry concerns (a list's entry once per household of its set).
    static let byHousehold = SQLIdentifier("access_log_by_household")

    /// Every logged access to one household, newest first.
    public static func entries(household: HouseholdID, on db: any SQLDatabase) async throws -> [Row] {
        try await db.select().columns(columns).from(byHousehold)
            .where("household_id", .equal, SQLBind(household.rawValue)).orderBy("occurred_at", .descending)
            .all(decoding: Row.self, keyDecodingStrategy: .snakeCase)
    }
}

extension AccessLogStore {
    /// One line of a person's access report.
    public struct ReportLine: Sendable, Decodable {
        public let occurredAt: Int64
        public let userName: String
        public let organisationName: String
        public let action: String
        public let rule: String
        public let breakGlass: Bool
        public let breakGlassReason: String?
        public let joinedOn: String
        public let leftOn: String?
    }

    /// "Who looked at or changed my data" (NEN 7513) for one person of the grant's network: every allowed access
    /// to a household while the person was a member of it, newest first. Needs an `export` grant.
    public static func report(person: String, grant: AccessGrant, on db: any SQLDatabase) async throws -> [ReportLine] {
        precondition(grant.action == .export, "An access report takes data out of Regie")
        let lines = try await withNames(from: byHousehold, on: db)
            .column(SQLColumn("action", table: "access_log")).column(SQLColumn("rule", table: "access_log"))
            .column(SQLColumn("break_glass", table: "access_log"))
            .column(SQLColumn("break_glass_reason", table: "access_log"))
            .column(SQLColumn("joined_on", table: "household_members"))
            .column(SQLColumn("left_on", table: "household_members"))
            .join(
                SQLIdentifier("household_members"), on: SQLColumn("household_id", table: "household_members"), .equal,
                SQLColumn("household_id", table: "access_log")
            )
            .join(
                SQLIdentifier("persons"), on: SQLColumn("id", table: "persons"), .equal,
                SQLColumn("person_id", table: "household_members")
            )
            .where(SQLColumn("person_id", table: "household_members"), .equal, SQLBind(person))
            .where(SQLColumn("network_id", table: "persons"), .equal, SQLBind(grant.context.network.rawValue))
            .where(SQLColumn("allowed", table: "access_log"), .equal, SQLBind(true))
            .all(decoding: ReportLine.self, keyDecodingStrategy: .snakeCase)
        // Only what happened while the person lived in the household counts as access to their data.
        return lines.filter { line in
            let day = Day(Date(millis: line.occurredAt))
            guard let joined = Day(line.joinedOn), joined <= day else { return false }
            return line.leftOn.flatMap(Day.init).map { day <= $0 } ?? true
        }
        .sorted { $0.occurredAt > $1.occurredAt }
    }

    /// Log entries with the user's and the organisation's names (`user_name`, `organisation_name`) and time, read
    /// from `source` (the log itself, or the log by household) as `access_log`.
    static func withNames(from source: SQLIdentifier, on db: any SQLDatabase) -> SQLSelectBuilder {
        db.select()
            .column(SQLColumn("occurred_at", table: "access_log"))
            .column(SQLAlias(SQLColumn("name", table: "users"), as: SQLIdentifier("user_name")))
            .column(SQLAlias(SQLColumn("name", table: "organisations"), as: SQLIdentifier("organisation_name")))
            .from(SQLAlias(source, as: SQLIdentifier("access_log")))
            .join(
                SQLIdentifier("users"), on: SQLColumn("id", table: "users"), .equal,
                SQLColumn("user_id", table: "access_log")
            )
            .join(
                SQLIdentifier("organisations"), on: SQLColumn("id", table: "organisations"), .equal,
                SQLColumn("organisation_id", table: "access_log")
            )
    }
}
