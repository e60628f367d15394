import Foundation
import SQLKit

/// Browser sessions in the database, so every app server behind a load balancer sees the same sessions.
///
/// Keys arrive already hashed: a copy of this table does not let anyone take over a session.
public enum SessionStore {
    private struct Row: Decodable { let data: String, expiresAt: Int64? }

    /// Names the statement below on PostgreSQL, where it runs prepared (`KeptStatement`).
    enum ByKey {}

    /// Run on every request: kept rendered (`KeptStatement`).
    private static let byKey = KeptStatement<ByKey> { db, parameters in
        db.select().columns("data", "expires_at").from("sessions").where("key_hash", .equal, SQLBind(parameters[0]))
            .query
    }

    public static func get(keyHash: String, now: Date = Date(), on db: any SQLDatabase) async throws
        -> (data: String, expiresAt: Date?)?
    {
        guard
            let row = try await byKey.fetch([keyHash], on: db)
                .first(decoding: Row.self, keyDecodingStrategy: .snakeCase)
        else { return nil }
        if let expires = row.expiresAt, expires <= now.millis { return nil }
        return (row.data, row.expiresAt.map(Date.init(millis:)))
    }

    /// Inserts or replaces a session; `expiresAt == nil` keeps the current expiry.
    public static func set(keyHash: String, data: String, expiresAt: Date?, on db: any SQLDatabase) async throws {
        try await db.insert(into: "sessions").columns("key_hash", "data", "expires_at", "created_at")
            .values(SQLBind(keyHash), SQLBind(data), SQLBind(expiresAt?.millis), SQLBind(Date().millis))
            .onConflict(with: ["key_hash"]) { update in
                let withData = update.set(excludedValueOf: "data")
                return expiresAt == nil ? withData : withData.set(excludedValueOf: "expires_at")
            }
            .run()
    }

    public static func remove(keyHash: String, on db: any SQLDatabase) async throws {
        try await db.delete(from: "sessions").where("key_hash", .equal, SQLBind(keyHash)).run()
    }

    /// Deletes expired sessions; run periodically by the server.
    @discardableResult
    public static func purgeExpired(now: Date = Date(), on db: any SQLDatabase) async throws -> Int {
        let count =
            try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("sessions")
            .where("expires_at", .lessThanOrEqual, SQLBind(now.millis)).first()?.decode(column: "n", as: Int.self) ?? 0
        try await db.delete(from: "sessions").where("expires_at", .lessThanOrEqual, SQLBind(now.millis)).run()
        return count
    }
}
