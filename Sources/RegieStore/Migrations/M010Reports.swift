import FluentKit
import SQLKit

/// The network's recorded answers to inspection indicators that the data cannot show (append-only: the latest
/// answer per indicator counts, earlier ones stay as history).
struct M010Reports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        try await db.raw(
            """
            CREATE TABLE inspection_answers (
                id TEXT PRIMARY KEY, network_id TEXT NOT NULL REFERENCES networks(id), indicator TEXT NOT NULL,
                met BOOLEAN NOT NULL, answered_on TEXT NOT NULL, document TEXT NOT NULL, note TEXT NOT NULL,
                recorded_by TEXT NOT NULL REFERENCES users(id), recorded_at BIGINT NOT NULL)
            """
        ).run()
        try await db.raw("CREATE INDEX inspection_answers_network ON inspection_answers(network_id, indicator)").run()
        try await AppendOnly.protect(["inspection_answers"], on: db)
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(table: "inspection_answers").ifExists().run()
    }
}
