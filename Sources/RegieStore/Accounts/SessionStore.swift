import Foundation
import SQLKit

/// Browser sessions in the database, so every app server behind a load balancer sees the same sessions.
///
/// Keys arrive already hashed: a copy of this table does not let anyone take over a session.
public enum SessionStore {
    /// A session as stored, with the user its data names.
    public struct Stored: Sendable {
        public let data: String
        public let expiresAt: Date?
        /// `nil` when no such user exists (any more).
        public let user: UserStore.SignedIn?
    }

    /// The field of a session's data (a JSON object) that holds its user's id: `WebSession`'s `userID`, held to it by
    /// a test beside the session driver.
    public static let userField = "userID"

    /// Names the statement below on PostgreSQL, where it runs prepared (`KeptStatement`).
    enum ByKey {}

    /// The session and its user (`UserStore.joiningSignedIn`, one row per role) in one statement: every page needs
    /// both, and on PostgreSQL each statement a request sends costs Regie's process a round trip between threads
    /// besides the database's own work. Run on every request: kept rendered.
    private static let byKey = KeptStatement<ByKey> { db, parameters in
        let data = SQLColumn("data", table: "sessions")
        let select = db.select().column(data).column(SQLColumn("expires_at", table: "sessions")).from("sessions")
            .join(
                "users", method: SQLJoinMethod.left, on: SQLColumn("id", table: "users"), .equal,
                JSONTextField(column: data, field: userField))
        return UserStore.joiningSignedIn(select)
            .where(SQLColumn("key_hash", table: "sessions"), .equal, SQLBind(parameters[0])).query
    }

    /// The unexpired session under `keyHash`, with its user.
    public static func get(keyHash: String, now: Date = Date(), on db: any SQLDatabase) async throws -> Stored? {
        let rows = try await byKey.fetch([keyHash], on: db).all()
        guard let first = rows.first else { return nil }
        let expiresAt = try first.decode(column: "expires_at", as: Int64?.self)
        if let expiresAt, expiresAt <= now.millis { return nil }
        return Stored(
            data: try first.decode(column: "data", as: String.self), expiresAt: expiresAt.map(Date.init(millis:)),
            user: try UserStore.signedIn(from: rows))
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
