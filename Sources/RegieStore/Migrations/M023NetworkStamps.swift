import FluentKit
import SQLKit

/// A network's fact stamp kept as a row (issue 9): the number of its households and the sum of their fact versions,
/// which every list page reads to know whether what it keeps is still current. Counted on every read, it was an index
/// scan of the network's 2,500 households at region scale — a third of a millisecond on SQLite, more on PostgreSQL,
/// on every worklist, signal list and case page. The database keeps the row (triggers on `households`), so no
/// writer can forget it; the numbers are those the count would give.
struct M023NetworkStamps: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await Self.create(on: database as! any SQLDatabase)
    }

    func revert(on database: any Database) async throws {
        try await Self.drop(on: database as! any SQLDatabase)
    }

    /// The table filled from the households there are, and the triggers that keep it.
    static func create(on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            CREATE TABLE network_stamps (network_id TEXT PRIMARY KEY, households BIGINT NOT NULL, \
            versions BIGINT NOT NULL)
            """
        ).run()
        try await db.raw(
            """
            INSERT INTO network_stamps (network_id, households, versions) SELECT network_id, COUNT(*), \
            CAST(COALESCE(SUM(fact_version), 0) AS BIGINT) FROM households GROUP BY network_id
            """
        ).run()
        if db.dialect.name == "sqlite" {
            try await createSQLiteTriggers(db)
        } else {
            try await createPostgresTrigger(db)
        }
    }

    /// SQLite: a trigger per event; the statements add a household's share to its network and take it away again.
    private static func createSQLiteTriggers(_ db: any SQLDatabase) async throws {
        let add = """
            INSERT OR IGNORE INTO network_stamps (network_id, households, versions) VALUES (NEW.network_id, 0, 0);
            UPDATE network_stamps SET households = households + 1, versions = versions + NEW.fact_version
            WHERE network_id = NEW.network_id;
            """
        let remove = """
            UPDATE network_stamps SET households = households - 1, versions = versions - OLD.fact_version
            WHERE network_id = OLD.network_id;
            """
        for (name, event, body) in [
            ("households_stamp_added", "INSERT", add), ("households_stamp_removed", "DELETE", remove),
            ("households_stamp_changed", "UPDATE OF fact_version, network_id", remove + add),
        ] {
            try await db.raw(
                "CREATE TRIGGER \(unsafeRaw: name) AFTER \(unsafeRaw: event) ON households BEGIN \(unsafeRaw: body) END"
            ).run()
        }
    }

    /// PostgreSQL: one trigger function for the three events.
    private static func createPostgresTrigger(_ db: any SQLDatabase) async throws {
        try await db.raw(
            """
            CREATE FUNCTION households_keep_network_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP IN ('UPDATE', 'DELETE') THEN
                UPDATE network_stamps SET households = households - 1, versions = versions - OLD.fact_version
                WHERE network_id = OLD.network_id;
              END IF;
              IF TG_OP IN ('UPDATE', 'INSERT') THEN
                INSERT INTO network_stamps (network_id, households, versions) VALUES (NEW.network_id, 1, NEW.fact_version)
                ON CONFLICT (network_id) DO UPDATE SET households = network_stamps.households + 1,
                versions = network_stamps.versions + NEW.fact_version;
              END IF;
              RETURN NULL;
            END $$
            """
        ).run()
        try await db.raw(
            """
            CREATE TRIGGER households_keep_network_stamp AFTER INSERT OR DELETE OR UPDATE OF fact_version, network_id
            ON households FOR EACH ROW EXECUTE FUNCTION households_keep_network_stamp()
            """
        ).run()
    }

    static func drop(on db: any SQLDatabase) async throws {
        if db.dialect.name == "sqlite" {
            for name in ["households_stamp_added", "households_stamp_removed", "households_stamp_changed"] {
                try await db.raw("DROP TRIGGER \(unsafeRaw: name)").run()
            }
        } else {
            try await db.raw("DROP TRIGGER households_keep_network_stamp ON households").run()
            try await db.raw("DROP FUNCTION households_keep_network_stamp()").run()
        }
        try await db.raw("DROP TABLE network_stamps").run()
    }
}
