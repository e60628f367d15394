import Foundation
import RegieCore
import SQLKit

/// The NEN 7513 access log: appended to on every access decision, never changed (the database refuses).
public enum AccessLogStore {
    public static func append(_ entry: AccessLogEntry, on db: any SQLDatabase) async throws {
        try await append([entry], on: db)
    }

    /// Appends many decisions (a list page's) in as few statements as the database's parameter limit allows.
    public static func append(_ entries: [AccessLogEntry], on db: any SQLDatabase) async throws {
        for start in stride(from: 0, to: entries.count, by: 500) {
            let insert = db.insert(into: "access_log").columns(columns)
            for entry in entries[start..<min(start + 500, entries.count)] {
                insert.values(
                    SQLBind(entry.id), SQLBind(entry.occurredAt.millis), SQLBind(entry.user.rawValue),
                    SQLBind(entry.organisation.rawValue), SQLBind(entry.onBehalfOf?.rawValue),
                    SQLBind(entry.household?.rawValue), SQLBind(entry.network?.rawValue),
                    SQLBind(entry.action.rawValue), SQLBind(entry.allowed), SQLBind(entry.rule.rawValue),
                    SQLBind(entry.breakGlass), SQLBind(entry.breakGlassReason), SQLBind(entry.requestID))
            }
            try await insert.run()
        }
    }

    /// Appends entries in their own transaction, shared with the entries other requests hand in meanwhile; returns
    /// once they are committed, so a page never shows household data before its access is logged.
    public static func append(_ entries: [AccessLogEntry], to database: RegieDatabase) async throws {
        guard !entries.isEmpty else { return }
        try await database.groupCommit.submit(entries, to: database)
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

    /// Every logged access to one household, newest first.
    public static func entries(household: HouseholdID, on db: any SQLDatabase) async throws -> [Row] {
        try await db.select().columns(columns).from("access_log")
            .where("household_id", .equal, SQLBind(household.rawValue)).orderBy("occurred_at", .descending)
            .all(decoding: Row.self, keyDecodingStrategy: .snakeCase)
    }

    /// Every logged access by one user, newest first.
    public static func entries(user: UserID, limit: Int = 200, on db: any SQLDatabase) async throws -> [Row] {
        try await db.select().columns(columns).from("access_log")
            .where("user_id", .equal, SQLBind(user.rawValue)).orderBy("occurred_at", .descending).limit(limit)
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
        let lines = try await withNames(on: db)
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

    /// Log entries with the user's and the organisation's names (`user_name`, `organisation_name`) and time.
    static func withNames(on db: any SQLDatabase) -> SQLSelectBuilder {
        db.select()
            .column(SQLColumn("occurred_at", table: "access_log"))
            .column(SQLAlias(SQLColumn("name", table: "users"), as: SQLIdentifier("user_name")))
            .column(SQLAlias(SQLColumn("name", table: "organisations"), as: SQLIdentifier("organisation_name")))
            .from("access_log")
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
