import FluentKit
import SQLKit

/// Family levels (Amsterdam's pyramid, issue 8): every level a family was given, with its day and reason. History,
/// so append-only; the retention purge may blank the reason (it holds the purge guard).
struct M012FamilyLevels: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        try await db.raw(
            """
            CREATE TABLE family_levels (
                id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES households(id), level INTEGER NOT NULL,
                set_on TEXT NOT NULL, reason TEXT NOT NULL, recorded_by TEXT NOT NULL REFERENCES users(id),
                recorded_at BIGINT NOT NULL)
            """
        ).run()
        try await db.raw("CREATE INDEX family_levels_household ON family_levels(household_id, recorded_at)").run()
        try await AppendOnly.protectAllowingPurge(["family_levels"], on: db)
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(table: "family_levels").ifExists().run()
    }
}
