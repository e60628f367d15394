import FluentKit
import SQLKit

/// The policy-signal register and the neighbourhood view (issue 7): a category and the household behind each
/// policy signal, the municipality's answers, and areas marked for a collective approach. Answers and marks are
/// facts, added and never rewritten; the register's state and an area's mark follow from the latest one.
struct M011PolicySignals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        for statement in [
            // Signals raised before the register had categories are "other" until someone files them anew.
            "ALTER TABLE policy_signals ADD COLUMN category TEXT NOT NULL DEFAULT 'other'",
            // No foreign key: the signal stays in the register when the household's file is purged.
            "ALTER TABLE policy_signals ADD COLUMN household_id TEXT",
            """
            UPDATE policy_signals SET household_id =
                (SELECT household_id FROM escalations WHERE escalations.id = policy_signals.source_id)
            WHERE source = 'escalation'
            """,
            "CREATE INDEX policy_signals_network ON policy_signals(network_id, raised_at)",
            """
            CREATE TABLE policy_signal_responses (
                id TEXT PRIMARY KEY, signal_id TEXT NOT NULL REFERENCES policy_signals(id), answer TEXT NOT NULL,
                note TEXT NOT NULL, answered_on TEXT NOT NULL, recorded_by TEXT NOT NULL REFERENCES users(id),
                recorded_at BIGINT NOT NULL)
            """,
            "CREATE INDEX policy_signal_responses_signal ON policy_signal_responses(signal_id)",
            """
            CREATE TABLE area_marks (
                id TEXT PRIMARY KEY, network_id TEXT NOT NULL REFERENCES networks(id), area TEXT NOT NULL,
                marked BOOLEAN NOT NULL, reason TEXT NOT NULL, marked_on TEXT NOT NULL,
                recorded_by TEXT NOT NULL REFERENCES users(id), recorded_at BIGINT NOT NULL)
            """,
            "CREATE INDEX area_marks_network ON area_marks(network_id, area)",
        ] {
            try await db.raw(SQLQueryString(statement)).run()
        }
        try await AppendOnly.protect(["policy_signal_responses", "area_marks"], on: db)
    }

    func revert(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        try await db.drop(table: "area_marks").ifExists().run()
        try await db.drop(table: "policy_signal_responses").ifExists().run()
        try await db.raw("DROP INDEX IF EXISTS policy_signals_network").run()
        for column in ["household_id", "category"] {
            try await db.raw(SQLQueryString("ALTER TABLE policy_signals DROP COLUMN \(unsafeRaw: column)")).run()
        }
    }
}
