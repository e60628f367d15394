import FluentKit
import SQLKit

/// Households with address and members, persons with identity facts, and signals with their concerns.
struct M002Signals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        for column in [
            "street TEXT", "house_number TEXT", "postcode TEXT", "city TEXT", "neighbourhood TEXT",
            "no_fixed_address BOOLEAN NOT NULL DEFAULT FALSE",
        ] {
            try await db.raw(SQLQueryString("ALTER TABLE households ADD COLUMN \(unsafeRaw: column)")).run()
        }
        for statement in Self.statements { try await db.raw(SQLQueryString(statement)).run() }
    }

    func revert(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        for table in ["signal_concerns", "signals", "household_members", "persons"] {
            try await db.drop(table: table).ifExists().run()
        }
    }

    static let statements = [
        """
        CREATE TABLE persons (
            id TEXT PRIMARY KEY, network_id TEXT NOT NULL REFERENCES networks(id), given_name TEXT NOT NULL,
            family_name_prefix TEXT NOT NULL, family_name TEXT NOT NULL, family_key TEXT NOT NULL,
            birth_date TEXT, unborn BOOLEAN NOT NULL, bsn TEXT, custody TEXT, protection_measure TEXT,
            placement TEXT, created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX persons_match ON persons(network_id, family_key, birth_date)",
        "CREATE INDEX persons_bsn ON persons(network_id, bsn)",
        """
        CREATE TABLE household_members (
            household_id TEXT NOT NULL REFERENCES households(id), person_id TEXT NOT NULL REFERENCES persons(id),
            relation TEXT NOT NULL, joined_on TEXT NOT NULL, left_on TEXT,
            PRIMARY KEY (household_id, person_id, joined_on))
        """,
        "CREATE INDEX household_members_person ON household_members(person_id)",
        """
        CREATE TABLE signals (
            id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES households(id),
            network_id TEXT NOT NULL REFERENCES networks(id), reporter_user_id TEXT NOT NULL REFERENCES users(id),
            reporter_organisation_id TEXT NOT NULL REFERENCES organisations(id), entered_by_user_id TEXT NOT NULL,
            channel TEXT NOT NULL, description TEXT NOT NULL, household_informed BOOLEAN NOT NULL,
            not_informed_reason TEXT NOT NULL, origin TEXT NOT NULL, urgency TEXT NOT NULL, crisis BOOLEAN NOT NULL,
            trigger_code TEXT NOT NULL, own_attempt TEXT NOT NULL, received_at BIGINT NOT NULL,
            received_on TEXT NOT NULL)
        """,
        "CREATE INDEX signals_network ON signals(network_id, received_at)",
        "CREATE INDEX signals_reporter ON signals(reporter_user_id, received_at)",
        "CREATE INDEX signals_household ON signals(household_id)",
        """
        CREATE TABLE signal_concerns (
            signal_id TEXT NOT NULL REFERENCES signals(id), domain_code TEXT NOT NULL,
            PRIMARY KEY (signal_id, domain_code))
        """,
    ]
}
