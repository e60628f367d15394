import Foundation
import RegieCore
import SQLKit

/// Warm hand-overs between networks (step 9). The offer is made when a case closes because the household moved;
/// until the receiving network accepts, it sees only that a household moved to it and from which network.
public enum HandoverStore {
    /// A hand-over as either side sees it; `handover` (persons and summary) is for the receiving side only after
    /// acceptance, and for the sending side always.
    public struct Offer: Sendable {
        public let id: String
        public let fromHousehold: HouseholdID
        public let fromNetwork: NetworkID
        public let fromNetworkName: String
        public let toNetwork: NetworkID
        public let toNetworkName: String
        public let offeredBy: String
        public let offeredAt: Date
        public let accepted: Bool?
        public let declineReason: String
        public let toHousehold: HouseholdID?
        public let handover: WarmHandover
    }

    /// Offers the household of the grant (just closed as moved) to `network`. Needs a `decide` grant.
    @discardableResult
    public static func offer(
        _ handover: WarmHandover, to network: NetworkID, closure: String, grant: AccessGrant, at moment: Date = Date(),
        on db: any SQLDatabase
    ) async throws -> String {
        precondition(grant.action == .decide, "A hand-over is a process decision")
        let id = TimeOrderedID.make()
        try await db.insert(into: "handovers")
            .columns(
                "id", "closure_id", "from_household_id", "from_network_id", "to_network_id", "handover_json",
                "offered_by", "offered_at"
            )
            .values(
                SQLBind(id), SQLBind(closure), SQLBind(grant.context.household.rawValue),
                SQLBind(grant.context.network.rawValue), SQLBind(network.rawValue),
                SQLBind(String(decoding: try JSONEncoder().encode(handover), as: UTF8.self)),
                SQLBind(grant.actor.user.rawValue), SQLBind(moment.millis)
            )
            .run()
        try await TimelineStore.append(
            "handover.offered", summary: "Warme overdracht aangeboden aan een ander netwerk", by: grant, at: moment,
            on: db)
        return id
    }

    /// Records the receiving network's answer, once: accepted (with the household it became there) or declined.
    public static func decide(
        _ id: String, accepted: Bool, reason: String = "", household: HouseholdID?, by user: UserID,
        at moment: Date = Date(), on db: any SQLDatabase
    ) async throws {
        let updated = try await db.update("handovers").set("accepted", to: SQLBind(accepted))
            .set("decline_reason", to: SQLBind(reason.trimmed)).set("decided_by", to: SQLBind(user.rawValue))
            .set("decided_at", to: SQLBind(moment.millis)).set("to_household_id", to: SQLBind(household?.rawValue))
            .where("id", .equal, SQLBind(id)).where("accepted", .is, SQLLiteral.null).returning("id").all()
        guard !updated.isEmpty else { throw StoreError.refused("error.handover_decided") }
        guard let offer = try await find(id, on: db) else { return }
        try await TimelineStore.append(
            TimelineEvent(
                household: offer.fromHousehold, network: offer.fromNetwork, occurredAt: moment, actor: user,
                actorOrganisation: nil, kind: accepted ? "handover.accepted" : "handover.declined",
                summary: accepted
                    ? "Warme overdracht geaccepteerd door \(offer.toNetworkName)"
                    : "Warme overdracht afgewezen door \(offer.toNetworkName): \(reason.trimmed)"), on: db)
    }

    /// One hand-over by id.
    public static func find(_ id: String, on db: any SQLDatabase) async throws -> Offer? {
        try await offers(where: SQLBinaryExpression(SQLColumn("id", table: "handovers"), .equal, SQLBind(id)), on: db)
            .first
    }

    /// Hand-overs offered to `network` that wait for its answer.
    public static func pending(to network: NetworkID, on db: any SQLDatabase) async throws -> [Offer] {
        try await offers(where: waiting(to: SQLBind(network.rawValue)), on: db)
    }

    /// How many of `pending(to:)` there are, as an expression to read with another statement; `network` is a bound id
    /// or a column of that statement.
    static func pendingCount(to network: any SQLExpression) -> any SQLExpression {
        SQLSubquery.select {
            $0.column(SQLFunction("COUNT", args: SQLLiteral.all)).from("handovers").where(waiting(to: network))
        }
    }

    private static func waiting(to network: any SQLExpression) -> any SQLExpression {
        SQLBinaryExpression(
            SQLBinaryExpression(SQLColumn("to_network_id", table: "handovers"), .equal, network),
            .and, SQLBinaryExpression(SQLColumn("accepted", table: "handovers"), .is, SQLLiteral.null))
    }

    /// The hand-overs the grant's household was offered in, oldest first.
    public static func offers(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> [Offer] {
        try await offers(
            where: SQLBinaryExpression(
                SQLColumn("from_household_id", table: "handovers"), .equal, SQLBind(grant.context.household.rawValue)),
            on: db)
    }

    private struct Row: Decodable {
        let id: String, fromHouseholdId: String, fromNetworkId: String, fromNetworkName: String, toNetworkId: String
        let toNetworkName: String, offeredByName: String, offeredAt: Int64, accepted: Bool?, declineReason: String
        let toHouseholdId: String?, handoverJson: String
    }

    private static func offers(where condition: any SQLExpression, on db: any SQLDatabase) async throws -> [Offer] {
        try await db.select()
            .columns(
                SQLColumn("id", table: "handovers"), SQLColumn("from_household_id", table: "handovers"),
                SQLColumn("from_network_id", table: "handovers"),
                SQLAlias(SQLColumn("name", table: "sender"), as: SQLIdentifier("from_network_name")),
                SQLColumn("to_network_id", table: "handovers"),
                SQLAlias(SQLColumn("name", table: "receiver"), as: SQLIdentifier("to_network_name")),
                SQLAlias(SQLColumn("name", table: "users"), as: SQLIdentifier("offered_by_name")),
                SQLColumn("offered_at", table: "handovers"), SQLColumn("accepted", table: "handovers"),
                SQLColumn("decline_reason", table: "handovers"), SQLColumn("to_household_id", table: "handovers"),
                SQLColumn("handover_json", table: "handovers")
            )
            .from("handovers")
            .join(
                SQLAlias(SQLIdentifier("networks"), as: SQLIdentifier("sender")), method: SQLJoinMethod.inner,
                on: SQLBinaryExpression(
                    SQLColumn("id", table: "sender"), .equal, SQLColumn("from_network_id", table: "handovers"))
            )
            .join(
                SQLAlias(SQLIdentifier("networks"), as: SQLIdentifier("receiver")), method: SQLJoinMethod.inner,
                on: SQLBinaryExpression(
                    SQLColumn("id", table: "receiver"), .equal, SQLColumn("to_network_id", table: "handovers"))
            )
            .join(
                SQLIdentifier("users"), on: SQLColumn("id", table: "users"), .equal,
                SQLColumn("offered_by", table: "handovers")
            )
            .where(condition).orderBy(SQLColumn("offered_at", table: "handovers"))
            .all(decoding: Row.self, keyDecodingStrategy: .snakeCase)
            .map { row in
                Offer(
                    id: row.id, fromHousehold: HouseholdID(rawValue: row.fromHouseholdId),
                    fromNetwork: NetworkID(rawValue: row.fromNetworkId), fromNetworkName: row.fromNetworkName,
                    toNetwork: NetworkID(rawValue: row.toNetworkId), toNetworkName: row.toNetworkName,
                    offeredBy: row.offeredByName, offeredAt: Date(millis: row.offeredAt), accepted: row.accepted,
                    declineReason: row.declineReason, toHousehold: row.toHouseholdId.map(HouseholdID.init(rawValue:)),
                    handover: try JSONDecoder().decode(WarmHandover.self, from: Data(row.handoverJson.utf8)))
            }
    }
}
