import Foundation
import RegieCore
import SQLKit

/// Per-user API tokens. Only a SHA-256 hash of a token is stored; the token itself is shown once.
public enum ApiTokenStore {
    private struct Row: Decodable {
        let id: String, userId: String, name: String, prefix: String, createdAt: Int64
        let lastUsedAt: Int64?, revokedAt: Int64?
        var token: ApiToken {
            ApiToken(
                id: id, user: UserID(rawValue: userId), name: name, prefix: prefix,
                createdAt: Date(millis: createdAt), lastUsedAt: lastUsedAt.map(Date.init(millis:)),
                revokedAt: revokedAt.map(Date.init(millis:)))
        }
    }

    private static let columns = ["id", "user_id", "name", "prefix", "created_at", "last_used_at", "revoked_at"]

    public static func insert(user: UserID, name: String, hash: String, prefix: String, on db: any SQLDatabase)
        async throws -> ApiToken
    {
        let token = ApiToken(
            id: TimeOrderedID.make(), user: user, name: name, prefix: prefix,
            createdAt: Date(), lastUsedAt: nil, revokedAt: nil)
        try await db.insert(into: "api_tokens")
            .columns("id", "user_id", "name", "token_hash", "prefix", "created_at")
            .values(
                SQLBind(token.id), SQLBind(user.rawValue), SQLBind(name), SQLBind(hash), SQLBind(prefix),
                SQLBind(token.createdAt.millis)
            )
            .run()
        return token
    }

    public static func tokens(of user: UserID, on db: any SQLDatabase) async throws -> [ApiToken] {
        try await db.select().columns(columns).from("api_tokens").where("user_id", .equal, SQLBind(user.rawValue))
            .orderBy("created_at", .descending)
            .all(decoding: Row.self, keyDecodingStrategy: .snakeCase).map(\.token)
    }

    /// Revokes a token of `user`; returns false when the user has no such active token.
    public static func revoke(_ id: String, of user: UserID, on db: any SQLDatabase) async throws -> Bool {
        let exists = try await db.select().column("id").from("api_tokens").where("id", .equal, SQLBind(id))
            .where("user_id", .equal, SQLBind(user.rawValue)).where("revoked_at", .is, SQLLiteral.null).first()
        guard exists != nil else { return false }
        try await db.update("api_tokens").set("revoked_at", to: SQLBind(Date().millis))
            .where("id", .equal, SQLBind(id)).run()
        return true
    }

    /// An unrevoked token with the user it acts for.
    public struct Active: Sendable {
        public let token: ApiToken
        /// `nil` when no such user exists (any more).
        public let user: UserStore.SignedIn?
    }

    /// Names the statement below on PostgreSQL, where it runs prepared (`KeptStatement`).
    enum ActiveStatement {}

    /// The unrevoked token under a hash and its user (`UserStore.joiningSignedIn`, one row per role) in one
    /// statement, as a session is read with its user: every API call needs both. The token's columns are named
    /// `token_…` beside the user's. Kept rendered.
    private static let activeStatement = KeptStatement<ActiveStatement> { db, parameters in
        let select = db.select().from("api_tokens")
            .join(
                "users", method: SQLJoinMethod.left, on: SQLColumn("id", table: "users"), .equal,
                SQLColumn("user_id", table: "api_tokens"))
        for column in columns { select.column(SQLColumn(column, table: "api_tokens"), as: "token_" + column) }
        return UserStore.joiningSignedIn(select)
            .where(SQLColumn("token_hash", table: "api_tokens"), .equal, SQLBind(parameters[0]))
            .where(SQLColumn("revoked_at", table: "api_tokens"), .is, SQLLiteral.null).query
    }

    /// The unrevoked token with this hash, with its user.
    public static func active(hash: String, on db: any SQLDatabase) async throws -> Active? {
        let rows = try await activeStatement.fetch([hash], on: db).all()
        guard let first = rows.first else { return nil }
        return Active(
            token: try first.decode(model: Row.self, prefix: "token_", keyDecodingStrategy: .snakeCase).token,
            user: try UserStore.signedIn(from: rows))
    }

    public static func touch(_ id: String, on db: any SQLDatabase) async throws {
        try await db.update("api_tokens").set("last_used_at", to: SQLBind(Date().millis))
            .where("id", .equal, SQLBind(id)).run()
    }
}
