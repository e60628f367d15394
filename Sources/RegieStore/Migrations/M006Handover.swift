import FluentKit
import SQLKit

/// Step 9: the warm hand-over of a household that moved to the area of another network in Regie.
struct M006Handover: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        try await db.raw(
            """
            CREATE TABLE handovers (
                id TEXT PRIMARY KEY, closure_id TEXT NOT NULL REFERENCES closures(id),
                from_household_id TEXT NOT NULL REFERENCES households(id),
                from_network_id TEXT NOT NULL REFERENCES networks(id), to_network_id TEXT NOT NULL REFERENCES networks(id),
                handover_json TEXT NOT NULL, offered_by TEXT NOT NULL REFERENCES users(id), offered_at BIGINT NOT NULL,
                accepted BOOLEAN, decline_reason TEXT NOT NULL DEFAULT '', decided_by TEXT REFERENCES users(id),
                decided_at BIGINT, to_household_id TEXT REFERENCES households(id))
            """
        ).run()
        try await db.raw("CREATE INDEX handovers_to ON handovers(to_network_id, accepted)").run()
        try await db.raw("CREATE INDEX handovers_from ON handovers(from_household_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(table: "handovers").ifExists().run()
    }
}
