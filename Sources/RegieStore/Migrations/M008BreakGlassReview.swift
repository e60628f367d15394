import FluentKit
import SQLKit

/// The network director's review of every break-glass access (the access log itself stays untouched).
struct M008BreakGlassReview: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw(
            """
            CREATE TABLE break_glass_reviews (
                access_log_id TEXT PRIMARY KEY REFERENCES access_log(id), reviewed_by TEXT NOT NULL REFERENCES users(id),
                reviewed_at BIGINT NOT NULL, justified BOOLEAN NOT NULL, note TEXT NOT NULL)
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(table: "break_glass_reviews").ifExists().run()
    }
}
