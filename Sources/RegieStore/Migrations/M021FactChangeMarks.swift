import FluentKit
import SQLKit

/// A change mark per household (issue 9): every time a household is added or its fact version rises, the database
/// gives it a mark above the marks its network held, so an app server that read a network's versions up to one mark
/// reads only the households marked since — a few rows after a new signal, where a region's network has 2,500. The
/// database sets it (a trigger), so no writer can forget it; the reader checks what it merged against the network's
/// totals and reads everything again when they disagree (`NetworkFactVersions`). The index answers both the full
/// read and the read since a mark; it takes the place of M017's.
struct M021FactChangeMarks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        try await db.raw("ALTER TABLE households ADD COLUMN fact_changed BIGINT NOT NULL DEFAULT 0").run()
        try await db.raw("DROP INDEX households_network_version").run()
        try await db.raw(
            "CREATE INDEX households_network_changed ON households(network_id, fact_changed, id, fact_version)"
        ).run()
        if db.dialect.name == "sqlite" {
            // SQLite writes one transaction at a time, so the network's highest mark plus one is always new; the
            // index answers it with one seek.
            let mark = """
                UPDATE households SET fact_changed = 1 + (SELECT MAX(h.fact_changed) FROM households h
                WHERE h.network_id = NEW.network_id) WHERE id = NEW.id;
                """
            for (name, event) in [
                ("households_fact_added", "INSERT"), ("households_fact_changed", "UPDATE OF fact_version"),
            ] {
                try await db.raw(
                    "CREATE TRIGGER \(unsafeRaw: name) AFTER \(unsafeRaw: event) ON households BEGIN \(unsafeRaw: mark) END"
                ).run()
            }
        } else {
            // A sequence hands out marks without a lock between writers; one that commits after a later mark was
            // read is caught by the reader's check.
            try await db.raw("CREATE SEQUENCE households_fact_changes").run()
            try await db.raw(
                """
                CREATE FUNCTION households_mark_fact_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN NEW.fact_changed := nextval('households_fact_changes'); RETURN NEW; END $$
                """
            ).run()
            try await db.raw(
                """
                CREATE TRIGGER households_fact_changed BEFORE INSERT OR UPDATE OF fact_version ON households
                FOR EACH ROW EXECUTE FUNCTION households_mark_fact_change()
                """
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        if db.dialect.name == "sqlite" {
            try await db.raw("DROP TRIGGER households_fact_added").run()
            try await db.raw("DROP TRIGGER households_fact_changed").run()
        } else {
            try await db.raw("DROP TRIGGER households_fact_changed ON households").run()
            try await db.raw("DROP FUNCTION households_mark_fact_change()").run()
            try await db.raw("DROP SEQUENCE households_fact_changes").run()
        }
        try await db.raw("DROP INDEX households_network_changed").run()
        try await db.raw("ALTER TABLE households DROP COLUMN fact_changed").run()
        try await db.raw("CREATE INDEX households_network_version ON households(network_id, id, fact_version)").run()
    }
}
