import Foundation
import RegieCore
import SQLKit

/// Every user's in-app messages, and the queue of e-mails that announce them. A message names what happened
/// and the household's reference, never content; each has a dedupe key, so a job that runs on several app
/// servers, or twice after a restart, tells a user only once.
public enum NotificationStore {
    /// What a message is about; the text is the translation of `notification.<kind>`.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case deviation
        case escalationRaised = "escalation_raised"
        case escalationRisen = "escalation_risen"
        case escalationDecided = "escalation_decided"
        case caseClosed = "case_closed"
        case aftercareCheck = "aftercare_check"
        case caseReopened = "case_reopened"
        case relapse
        case handoverOffered = "handover_offered"
        case handoverAnswered = "handover_answered"
        case familyLevel = "family_level"

        public var textKey: String { "notification.\(rawValue)" }
    }

    /// One message in a user's inbox.
    public struct Message: Sendable, Decodable {
        public let id: String
        public let kind: String
        public let reference: String
        public let link: String
        public let createdAt: Int64
        public let readAt: Int64?
    }

    /// Tells `users` about something; `emailing` queues an e-mail too (when Regie has an SMTP server). Returns
    /// how many users were newly told — the others already had this message.
    @discardableResult
    public static func notify(
        _ users: Set<UserID>, _ kind: Kind, about household: HouseholdID?, network: NetworkID?, reference: String,
        link: String, key: String, emailing: Bool, at moment: Date = Date(), on db: any SQLDatabase
    ) async throws -> Int {
        var added = 0
        for user in users.sorted(by: { $0.rawValue < $1.rawValue }) {
            let rows = try await db.insert(into: "notifications")
                .columns(
                    "id", "user_id", "network_id", "household_id", "kind", "reference", "link", "dedupe_key",
                    "created_at", "email_state"
                )
                .values(
                    SQLBind(TimeOrderedID.make()), SQLBind(user.rawValue), SQLBind(network?.rawValue),
                    SQLBind(household?.rawValue), SQLBind(kind.rawValue), SQLBind(reference), SQLBind(link),
                    SQLBind("\(key):\(user.rawValue)"), SQLBind(moment.millis), SQLBind(emailing ? "pending" : "none")
                )
                .ignoringConflicts(with: ["dedupe_key"])
                .returning("id").all()
            added += rows.count
        }
        return added
    }

    /// The user's messages, newest first.
    public static func messages(for user: UserID, limit: Int = 100, on db: any SQLDatabase) async throws -> [Message] {
        try await db.select().columns("id", "kind", "reference", "link", "created_at", "read_at").from("notifications")
            .where("user_id", .equal, SQLBind(user.rawValue)).orderBy("created_at", .descending).limit(limit)
            .all(decoding: Message.self, keyDecodingStrategy: .snakeCase)
    }

    /// How many messages the user has not read.
    public static func unread(for user: UserID, on db: any SQLDatabase) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("notifications")
            .where("user_id", .equal, SQLBind(user.rawValue)).where("read_at", .is, SQLLiteral.null)
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Marks one of the user's messages read (or all of them when `id` is nil).
    public static func markRead(_ id: String?, for user: UserID, at moment: Date = Date(), on db: any SQLDatabase)
        async throws
    {
        var update = db.update("notifications").set("read_at", to: SQLBind(moment.millis))
            .where("user_id", .equal, SQLBind(user.rawValue)).where("read_at", .is, SQLLiteral.null)
        if let id { update = update.where("id", .equal, SQLBind(id)) }
        try await update.run()
    }
}
