import Foundation
import RegieCore
import SQLKit

/// The NEN 7513 access log: appended to on every access decision, never changed (the database refuses).
public enum AccessLogStore {
    public static func append(_ entry: AccessLogEntry, on db: any SQLDatabase) async throws {
        try await db.insert(into: "access_log")
            .columns(
                "id", "occurred_at", "user_id", "organisation_id", "on_behalf_of", "household_id", "network_id",
                "action", "allowed", "rule", "break_glass", "break_glass_reason", "request_id"
            )
            .values(
                SQLBind(entry.id), SQLBind(entry.occurredAt.millis), SQLBind(entry.user.rawValue),
                SQLBind(entry.organisation.rawValue), SQLBind(entry.onBehalfOf?.rawValue),
                SQLBind(entry.household?.rawValue), SQLBind(entry.network?.rawValue), SQLBind(entry.action.rawValue),
                SQLBind(entry.allowed), SQLBind(entry.rule.rawValue), SQLBind(entry.breakGlass),
                SQLBind(entry.breakGlassReason), SQLBind(entry.requestID)
            )
            .run()
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
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Every logged access by one user, newest first.
    public static func entries(user: UserID, limit: Int = 200, on db: any SQLDatabase) async throws -> [Row] {
        try await db.select().columns(columns).from("access_log")
            .where("user_id", .equal, SQLBind(user.rawValue)).orderBy("occurred_at", .descending).limit(limit)
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}
