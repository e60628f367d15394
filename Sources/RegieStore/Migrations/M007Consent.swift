import FluentKit
import SQLKit

/// Consent per member, purpose and recipient organisation, with who gave it and its withdrawal.
struct M007Consent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        try await db.raw(
            """
            CREATE TABLE consents (
                id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES households(id),
                person_id TEXT NOT NULL REFERENCES persons(id), purpose TEXT NOT NULL,
                organisation_id TEXT NOT NULL REFERENCES organisations(id), given_by TEXT NOT NULL,
                giver_name TEXT NOT NULL, given_on TEXT NOT NULL, recorded_by TEXT NOT NULL REFERENCES users(id),
                recorded_at BIGINT NOT NULL, withdrawn_on TEXT, withdrawn_by TEXT REFERENCES users(id),
                withdrawn_at BIGINT)
            """
        ).run()
        try await db.raw("CREATE INDEX consents_household ON consents(household_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(table: "consents").ifExists().run()
    }
}
