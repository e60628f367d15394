import Foundation
import RegieCore
import SQLKit

/// Append-only record of administrative changes (organisations, networks, users, roles, tokens).
public enum AdminLogStore {
    public struct Entry: Sendable, Decodable {
        public let occurredAt: Int64
        public let actorUserId: String?
        public let entity: String
        public let entityId: String
        public let action: String
        public let details: String
    }

    public static func append(
        actor: UserID?, entity: String, entityID: String, action: String, details: String,
        on db: any SQLDatabase
    ) async throws {
        try await db.insert(into: "admin_log")
            .columns("id", "occurred_at", "actor_user_id", "entity", "entity_id", "action", "details")
            .values(
                SQLBind(TimeOrderedID.make()), SQLBind(Date().millis), SQLBind(actor?.rawValue),
                SQLBind(entity), SQLBind(entityID), SQLBind(action), SQLBind(details)
            )
            .run()
    }

    public static func recent(limit: Int = 50, on db: any SQLDatabase) async throws -> [Entry] {
        try await db.select().columns("occurred_at", "actor_user_id", "entity", "entity_id", "action", "details")
            .from("admin_log").orderBy("occurred_at", .descending).limit(limit)
            .all(decoding: Entry.self, keyDecodingStrategy: .snakeCase)
    }
}
