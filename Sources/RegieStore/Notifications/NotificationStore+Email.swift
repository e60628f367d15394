import Foundation
import RegieCore
import SQLKit

extension NotificationStore {
    /// A queued e-mail: to whom, and the link to put in it.
    public struct Email: Sendable, Decodable {
        public let id: String
        public let kind: String
        public let link: String
        public let address: String
        public let name: String
    }

    /// Claims up to `limit` queued e-mails for sending. A claim is taken with a conditional update, so two
    /// app servers never send the same e-mail; a claim older than `staleAfter` (a crashed sender) is retaken.
    public static func claimEmails(
        limit: Int = 20, staleAfter: TimeInterval = 600, at moment: Date = Date(), on db: any SQLDatabase
    ) async throws -> [Email] {
        let candidates = try await db.select().column("id").from("notifications")
            .where {
                $0.where("email_state", .equal, SQLBind("pending"))
                    .orWhere { stale in
                        stale.where("email_state", .equal, SQLBind("sending"))
                            .where(
                                "email_claimed_at", .lessThan, SQLBind(moment.addingTimeInterval(-staleAfter).millis))
                    }
            }
            .orderBy("created_at").limit(limit).all().map { try $0.decode(column: "id", as: String.self) }
        var claimed: [Email] = []
        for id in candidates {
            let won = try await db.update("notifications").set("email_state", to: SQLBind("sending"))
                .set("email_claimed_at", to: SQLBind(moment.millis)).where("id", .equal, SQLBind(id))
                .where {
                    $0.where("email_state", .equal, SQLBind("pending"))
                        .orWhere("email_claimed_at", .lessThan, SQLBind(moment.addingTimeInterval(-staleAfter).millis))
                }
                .returning("id").all()
            guard !won.isEmpty else { continue }
            if let email = try await db.select()
                .column(SQLColumn("id", table: "notifications")).column(SQLColumn("kind", table: "notifications"))
                .column(SQLColumn("link", table: "notifications"))
                .column(SQLAlias(SQLColumn("email", table: "users"), as: SQLIdentifier("address")))
                .column(SQLColumn("name", table: "users"))
                .from("notifications")
                .join(
                    SQLIdentifier("users"), on: SQLColumn("id", table: "users"), .equal,
                    SQLColumn("user_id", table: "notifications")
                )
                .where(SQLColumn("id", table: "notifications"), .equal, SQLBind(id))
                .first(decoding: Email.self)
            {
                claimed.append(email)
            }
        }
        return claimed
    }

    /// Records the outcome of sending a claimed e-mail: sent, or back in the queue (given up after 5 tries).
    public static func finishEmail(_ id: String, sent: Bool, at moment: Date = Date(), on db: any SQLDatabase)
        async throws
    {
        if sent {
            try await db.update("notifications").set("email_state", to: SQLBind("sent"))
                .set("emailed_at", to: SQLBind(moment.millis)).where("id", .equal, SQLBind(id)).run()
            return
        }
        try await db.raw(
            """
            UPDATE notifications SET email_attempts = email_attempts + 1,
                email_state = CASE WHEN email_attempts + 1 >= 5 THEN 'failed' ELSE 'pending' END
            WHERE id = \(bind: id)
            """
        ).run()
    }
}
