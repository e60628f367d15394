import Foundation
import RegieCore
import SQLKit

/// Break-glass accesses waiting for the network director's review, and the reviews. The access log entry stays
/// as it was; a review is a separate record, made once.
public enum BreakGlassStore {
    /// A break-glass access as the review list shows it.
    public struct Entry: Sendable, Decodable {
        public let id: String
        public let occurredAt: Int64
        public let userName: String
        public let organisationName: String
        public let householdId: String
        public let reference: String
        public let breakGlassReason: String?
    }

    /// Break-glass accesses to households of `network` that nobody reviewed yet, oldest first. Names the user,
    /// the household's file number and the reason — no content.
    public static func unreviewed(in network: NetworkID, on db: any SQLDatabase) async throws -> [Entry] {
        // A break-glass access always has a row of its own (never a list's set), so the log itself is read.
        try await AccessLogStore.withNames(from: SQLIdentifier("access_log"), on: db)
            .column(SQLColumn("id", table: "access_log"))
            .column(SQLColumn("household_id", table: "access_log")).column(SQLColumn("reference", table: "households"))
            .column(SQLColumn("break_glass_reason", table: "access_log"))
            .join(
                SQLIdentifier("households"), on: SQLColumn("id", table: "households"), .equal,
                SQLColumn("household_id", table: "access_log")
            )
            .waitingForReview(in: SQLBind(network.rawValue))
            .orderBy(SQLColumn("occurred_at", table: "access_log"))
            .all(decoding: Entry.self, keyDecodingStrategy: .snakeCase)
    }

    /// How many of `unreviewed(in:)` there are, as an expression to read with another statement; `network` is a bound
    /// id or a column of that statement.
    static func unreviewedCount(in network: any SQLExpression) -> any SQLExpression {
        SQLSubquery.select {
            $0.column(SQLFunction("COUNT", args: SQLLiteral.all)).from("access_log").waitingForReview(in: network)
        }
    }

    /// Records the review of a break-glass access of `network`, once.
    public static func review(
        _ entry: String, in network: NetworkID, justified: Bool, note: String, by user: UserID,
        at moment: Date = Date(),
        on db: any SQLDatabase
    ) async throws {
        guard try await unreviewed(in: network, on: db).contains(where: { $0.id == entry }) else {
            throw StoreError.refused("error.break_glass_reviewed")
        }
        try await db.insert(into: "break_glass_reviews")
            .columns("access_log_id", "reviewed_by", "reviewed_at", "justified", "note")
            .values(
                SQLBind(entry), SQLBind(user.rawValue), SQLBind(moment.millis), SQLBind(justified),
                SQLBind(note.trimmed)
            )
            .run()
    }
}

extension SQLJoinBuilder where Self: SQLPredicateBuilder {
    /// Narrows a read of the access log to the break-glass accesses of `network` that nobody reviewed yet.
    fileprivate func waitingForReview(in network: any SQLExpression) -> Self {
        join(
            SQLIdentifier("break_glass_reviews"), method: SQLJoinMethod.left,
            on: SQLColumn("access_log_id", table: "break_glass_reviews"), .equal, SQLColumn("id", table: "access_log")
        )
        .where(SQLColumn("network_id", table: "access_log"), .equal, network)
        // Written out, not bound: a bound `true` hides from PostgreSQL's generic plan of the kept stamp statement
        // (`HouseholdStore.factStampWithWaiting`) that break-glass accesses are rare, so it planned a scan of the
        // network's whole log and kept planning afresh on every worklist view instead.
        .where(SQLColumn("break_glass", table: "access_log"), .equal, SQLLiteral.boolean(true))
        .where(SQLColumn("access_log_id", table: "break_glass_reviews"), .is, SQLLiteral.null)
    }
}
