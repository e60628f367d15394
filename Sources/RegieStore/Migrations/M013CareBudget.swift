import FluentKit
import SQLKit

/// The care-purchase budget (Enschede's crisispotje, issue 8): the yearly amounts an administrator set and what
/// escalation decisions spent. Both are history, so append-only; the balance is derived, never stored.
struct M013CareBudget: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        try await db.raw(
            """
            CREATE TABLE care_budget_settings (
                id TEXT PRIMARY KEY, network_id TEXT NOT NULL REFERENCES networks(id), year INTEGER NOT NULL,
                amount_cents BIGINT NOT NULL, set_by TEXT REFERENCES users(id), set_at BIGINT NOT NULL)
            """
        ).run()
        try await db.raw(
            """
            CREATE TABLE care_budget_spendings (
                id TEXT PRIMARY KEY, network_id TEXT NOT NULL REFERENCES networks(id),
                household_id TEXT NOT NULL REFERENCES households(id),
                escalation_id TEXT NOT NULL UNIQUE REFERENCES escalations(id), spent_on TEXT NOT NULL,
                amount_cents BIGINT NOT NULL, recorded_by TEXT NOT NULL REFERENCES users(id),
                recorded_at BIGINT NOT NULL)
            """
        ).run()
        try await db.raw("CREATE INDEX care_budget_settings_network ON care_budget_settings(network_id, year)").run()
        try await db.raw("CREATE INDEX care_budget_spendings_network ON care_budget_spendings(network_id, spent_on)")
            .run()
        try await AppendOnly.protect(["care_budget_settings", "care_budget_spendings"], on: db)
    }

    func revert(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        try await db.drop(table: "care_budget_spendings").ifExists().run()
        try await db.drop(table: "care_budget_settings").ifExists().run()
    }
}
