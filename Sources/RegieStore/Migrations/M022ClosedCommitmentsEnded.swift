import FluentKit
import Foundation
import RegieCore
import SQLKit

/// Ends the commitments left open by closures made before closing ended them (`ClosureEndsCommitments`): until
/// this version a closed case kept its asked and accepted commitments, so partners kept them as work and a case
/// opened again was stalled by them at once. A commitment made after its household's latest closure (in a case
/// opened again) stays open. Each household gets the change on its timeline, without an actor — the update made
/// it — which raises its fact version, so every app server reads the household again.
struct M022ClosedCommitmentsEnded: AsyncMigration {
    private struct Row: Decodable {
        let id: String, householdId: String, networkId: String
    }

    func prepare(on database: any Database) async throws {
        _ = try await database.transaction { try await Self.endLeftOpen(on: $0 as! any SQLDatabase) }
    }

    /// Ends the commitments left open by earlier closures and returns how many; inside a transaction.
    @discardableResult
    static func endLeftOpen(on db: any SQLDatabase) async throws -> Int {
        let open = ClosureEndsCommitments.ending.map(\.rawValue)
        let leftOpen = SQLQueryString(
            """
            status IN (\(binds: open)) AND EXISTS (SELECT 1 FROM closures \
            WHERE closures.household_id = commitments.household_id \
            AND closures.closed_at >= commitments.created_at)
            """)
        let rows = try await db.select().columns("id", "household_id", "network_id").from("commitments")
            .where(leftOpen).orderBy("id")
            .all(decoding: Row.self, keyDecodingStrategy: .snakeCase)
        guard !rows.isEmpty else { return 0 }
        try await db.update("commitments").set("status", to: SQLBind(Commitment.Status.ended.rawValue))
            .where(leftOpen).run()
        let moment = Date()
        let events = try Dictionary(grouping: rows, by: \.householdId).sorted { $0.key < $1.key }.map { _, ended in
            TimelineEvent(
                household: HouseholdID(rawValue: ended[0].householdId),
                network: NetworkID(rawValue: ended[0].networkId), occurredAt: moment, actor: nil,
                actorOrganisation: nil, kind: "commitments.ended",
                summary: ClosureEndsCommitments.summary(ended: ended.count) + " (bij het bijwerken van Regie)",
                after: String(decoding: try JSONEncoder().encode(["commitments": ended.map(\.id)]), as: UTF8.self))
        }
        try await TimelineStore.append(events, on: db)
        return rows.count
    }

    /// Nothing to undo: which commitments were open before cannot be told from ended ones afterwards, and the
    /// timeline keeps what happened.
    func revert(on database: any Database) async throws {}
}
