import Foundation
import RegieCore
import SQLKit

/// Failed and successful logins, counted per e-mail and per address to throttle guessing.
public enum LoginAttemptStore {
    public static func record(email: String, ip: String, success: Bool, at: Date = Date(), on db: any SQLDatabase)
        async throws
    {
        try await db.insert(into: "login_attempts").columns("id", "email", "ip", "occurred_at", "success")
            .values(
                SQLBind(TimeOrderedID.make()), SQLBind(email), SQLBind(ip), SQLBind(at.millis),
                SQLBind(success)
            )
            .run()
    }

    /// Failed attempts from `ip` since `since`.
    public static func failures(ip: String, since: Date, on db: any SQLDatabase) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("login_attempts")
            .where("ip", .equal, SQLBind(ip)).where("success", .equal, SQLBind(false))
            .where("occurred_at", .greaterThanOrEqual, SQLBind(since.millis))
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Removes attempts older than `before`; they only matter for a short window.
    public static func purge(before: Date, on db: any SQLDatabase) async throws {
        try await db.delete(from: "login_attempts").where("occurred_at", .lessThan, SQLBind(before.millis)).run()
    }
}
