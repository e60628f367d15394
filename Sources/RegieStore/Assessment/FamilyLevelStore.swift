import Foundation
import RegieCore
import SQLKit

/// The family levels of a household (Amsterdam's pyramid): added, never rewritten; the latest is the level now.
public enum FamilyLevelStore {
    /// Records a level for the grant's household and puts it on the timeline. Setting the level is a decision.
    public static func record(
        _ level: Int, on day: Day, reason: String, grant: AccessGrant, at moment: Date = Date(),
        on db: any SQLDatabase
    ) async throws {
        precondition(grant.action == .decide, "The family level is a decision of the coordinator")
        try await db.insert(into: "family_levels")
            .columns("id", "household_id", "level", "set_on", "reason", "recorded_by", "recorded_at")
            .values(
                SQLBind(TimeOrderedID.make()), SQLBind(grant.context.household.rawValue), SQLBind(level),
                SQLBind(day.iso), SQLBind(reason.trimmed), SQLBind(grant.actor.user.rawValue), SQLBind(moment.millis)
            )
            .run()
        try await TimelineStore.append(
            "family_level.set", summary: "Gezinsniveau \(level) vastgesteld per \(day.dutch)",
            recording: ["level": level], by: grant, at: moment, on: db)
    }

    private struct Row: Decodable {
        let level: Int, setOn: String, reason: String, name: String, recordedAt: Int64
    }

    /// The levels of the grant's household; a process fact, readable under any grant on it (the process view
    /// shows the levels without their reasons).
    public static func history(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> FamilyLevelHistory {
        let rows = try await historyStatement.fetch([grant.context.household.rawValue], on: db)
            .all(decoding: Row.self, keyDecodingStrategy: .snakeCase)
        return FamilyLevelHistory(
            rows.compactMap { row in
                Day(row.setOn).map {
                    .init(level: row.level, on: $0, reason: row.reason, byName: row.name, recordedAt: row.recordedAt)
                }
            })
    }

    /// Names the statement below on PostgreSQL, where it runs prepared (`KeptStatement`): every case page reads it,
    /// and PostgreSQL spent longer planning it afresh than running it.
    enum HistoryStatement {}

    /// A household's family levels with the names of who set them.
    private static let historyStatement = KeptStatement<HistoryStatement> { db, parameters in
        db.select()
            .columns(
                SQLColumn("level", table: "family_levels"), SQLColumn("set_on", table: "family_levels"),
                SQLColumn("reason", table: "family_levels"), SQLColumn("name", table: "users"),
                SQLColumn("recorded_at", table: "family_levels")
            )
            .from("family_levels")
            .join(
                "users", on: SQLColumn("id", table: "users"), .equal, SQLColumn("recorded_by", table: "family_levels")
            )
            .where(SQLColumn("household_id", table: "family_levels"), .equal, SQLBind(parameters[0])).query
    }

    /// The level now of every household with one in `networks`, for the population overview.
    public static func current(in networks: [NetworkID], households: [HouseholdID]? = nil, on db: any SQLDatabase)
        async throws -> [HouseholdID: Int]
    {
        guard !networks.isEmpty else { return [:] }
        let rows = try await db.select()
            .columns(
                SQLColumn("household_id", table: "family_levels"), SQLColumn("level", table: "family_levels"),
                SQLColumn("recorded_at", table: "family_levels")
            )
            .from("family_levels")
            .inNetworks(FigureScope(networks: networks, households: households), householdOf: "family_levels")
            .orderBy(SQLColumn("recorded_at", table: "family_levels"))
            .all()
        var levels: [HouseholdID: Int] = [:]
        for row in rows {
            levels[HouseholdID(rawValue: try row.decode(column: "household_id", as: String.self))] = try row.decode(
                column: "level", as: Int.self)
        }
        return levels
    }
}
