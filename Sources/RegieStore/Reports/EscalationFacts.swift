import Foundation
import RegieCore
import SQLKit

/// The escalations of the figures, per household: day raised, ladder, the highest rung reached (taken by hand or
/// noticed by the norm watch, 1-based) and whether it was decided.
enum EscalationFacts {
    private struct Row: Decodable {
        let id: String, householdId: String, kind: String, raisedOn: String, decidedOn: String?
    }
    private struct RungRow: Decodable { let escalationId: String, rung: Int }

    static func load(_ scope: FigureScope, on db: any SQLDatabase) async throws -> [String: [FigureFacts
        .Escalation]]
    {
        let rows = try await db.select().columns("id", "household_id", "kind", "raised_on", "decided_on")
            .from("escalations").within(scope, "escalations")
            .all(decoding: Row.self, keyDecodingStrategy: .snakeCase)
        var highest: [String: Int] = [:]
        for table in ["escalation_steps", "escalation_rises"] {
            let rungs = try await db.select().column(SQLColumn("escalation_id", table: table)).column(
                SQLColumn("rung", table: table)
            )
            .from(table)
            .join(
                SQLIdentifier("escalations"), on: SQLColumn("id", table: "escalations"), .equal,
                SQLColumn("escalation_id", table: table)
            )
            .within(scope, "escalations")
            .all(decoding: RungRow.self, keyDecodingStrategy: .snakeCase)
            for rung in rungs { highest[rung.escalationId] = max(highest[rung.escalationId] ?? 0, rung.rung) }
        }
        var result: [String: [FigureFacts.Escalation]] = [:]
        for row in rows {
            guard let day = Day(row.raisedOn), let kind = EscalationKind(rawValue: row.kind) else { continue }
            result[row.householdId, default: []].append(
                .init(raisedOn: day, kind: kind, rung: (highest[row.id] ?? 0) + 1, decided: row.decidedOn != nil))
        }
        return result
    }
}
