import Foundation
import RegieCore
import SQLKit

/// Areas marked for a collective approach, and the ends of those marks: facts added, never rewritten.
public enum AreaMarkStore {
    /// Records that `area` of `network` is marked (`marked == true`) or no longer marked.
    public static func record(
        area: String, marked: Bool, reason: String, on day: Day, network: NetworkID, by user: UserID,
        at moment: Date = Date(), on db: any SQLDatabase
    ) async throws {
        try await db.insert(into: "area_marks")
            .columns("id", "network_id", "area", "marked", "reason", "marked_on", "recorded_by", "recorded_at")
            .values(
                SQLBind(TimeOrderedID.make()), SQLBind(network.rawValue), SQLBind(area), SQLBind(marked),
                SQLBind(reason.trimmed), SQLBind(day.iso), SQLBind(user.rawValue), SQLBind(moment.millis)
            )
            .run()
    }

    private struct Row: Decodable {
        let networkId: String, area: String, marked: Bool, reason: String, markedOn: String, name: String
        let recordedAt: Int64
    }

    /// Every mark recorded in `networks`, oldest first.
    public static func marks(in networks: [NetworkID], on db: any SQLDatabase) async throws
        -> [CollectiveApproach.Mark]
    {
        guard !networks.isEmpty else { return [] }
        return try await db.select()
            .columns(
                SQLColumn("network_id", table: "area_marks"), SQLColumn("area", table: "area_marks"),
                SQLColumn("marked", table: "area_marks"), SQLColumn("reason", table: "area_marks"),
                SQLColumn("marked_on", table: "area_marks"), SQLColumn("name", table: "users"),
                SQLColumn("recorded_at", table: "area_marks")
            )
            .from("area_marks")
            .join("users", on: SQLColumn("id", table: "users"), .equal, SQLColumn("recorded_by", table: "area_marks"))
            .where(
                SQLColumn("network_id", table: "area_marks"), .in,
                SQLGroupExpression(networks.map { SQLBind($0.rawValue) })
            )
            .orderBy(SQLColumn("recorded_at", table: "area_marks"))
            .all(decoding: Row.self, keyDecodingStrategy: .snakeCase)
            .compactMap { row in
                guard let day = Day(row.markedOn) else { return nil }
                return .init(
                    network: NetworkID(rawValue: row.networkId), area: row.area, marked: row.marked,
                    reason: row.reason, on: day, byName: row.name, recordedAt: row.recordedAt)
            }
    }
}
