import FluentKit
import SQLKit

/// Retention: the period per network, a legal hold per household, the purge mark, and append-only tables that
/// let only the retention purge through (it holds a row in `purge_guard` inside its own transaction).
struct M009Retention: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        for statement in [
            "ALTER TABLE networks ADD COLUMN retention_years INTEGER NOT NULL DEFAULT 15",
            "ALTER TABLE households ADD COLUMN legal_hold TEXT",
            "ALTER TABLE households ADD COLUMN purged_at BIGINT",
            "CREATE TABLE purge_guard (household_id TEXT PRIMARY KEY)",
        ] {
            try await db.raw(SQLQueryString(statement)).run()
        }
        try await AppendOnly.protectAllowingPurge(AppendOnly.purgeable, on: db)
    }

    func revert(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        for table in AppendOnly.purgeable {
            let names =
                db.dialect.name == "sqlite"
                ? ["DROP TRIGGER IF EXISTS \(table)_no_update", "DROP TRIGGER IF EXISTS \(table)_no_delete"]
                : ["DROP TRIGGER IF EXISTS \(table)_append_only ON \(table)"]
            for statement in names { try await db.raw(SQLQueryString(statement)).run() }
        }
        try await AppendOnly.protect(AppendOnly.purgeable, on: db)
        try await db.drop(table: "purge_guard").ifExists().run()
        for (table, column) in [
            ("households", "purged_at"), ("households", "legal_hold"), ("networks", "retention_years"),
        ] {
            try await db.raw(SQLQueryString("ALTER TABLE \(unsafeRaw: table) DROP COLUMN \(unsafeRaw: column)")).run()
        }
    }
}
