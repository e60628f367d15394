import FluentKit
import SQLKit

/// A list page's household set stored as its difference from a set stored in full (issue 9). After a new signal the
/// first page of a signal list or a worklist is a new set — one household in, one out — and each was stored whole: a
/// hundred `access_sets` rows per new signal, the largest write of the mixed load on both databases. Now such a set
/// is one `access_set_bases` row naming the set in full it was taken from and an `access_set_changes` row per
/// household added or left out (`AccessSetBases`). A base is always a set stored in full, never a difference itself,
/// so the households of any set are read in one step, without recursion.
///
/// `access_log_by_household` shows the log as before, one row per household an access concerned: a set stored in
/// full as before; a difference as its base's households but those it left out, and those it added. Should two
/// servers store the same set at once, one in full and one as a difference, or as differences from two bases, the
/// set in full wins and otherwise the base its `access_set_bases` row names (the first stored): the change rows are
/// read only with the base they were written against, so a set never reads as a mixture.
struct M024AccessSetDifferences: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        for statement in [
            "CREATE TABLE access_set_bases (set_id TEXT NOT NULL PRIMARY KEY, base_id TEXT NOT NULL)",
            "CREATE INDEX access_set_bases_base ON access_set_bases(base_id)",
            """
            CREATE TABLE access_set_changes (set_id TEXT NOT NULL, base_id TEXT NOT NULL, household_id TEXT NOT NULL,
                added BOOLEAN NOT NULL, PRIMARY KEY (set_id, base_id, household_id))
            """,
            "CREATE INDEX access_set_changes_household ON access_set_changes(household_id)",
            "DROP VIEW access_log_by_household",
            """
            CREATE VIEW access_log_by_household AS
            \(M019AccessLogSets.fullSets)
            UNION ALL
            \(M019AccessLogSets.setEntry(household: "s.household_id"))
            FROM access_log l JOIN access_set_bases b ON b.set_id = l.household_set
                JOIN access_sets s ON s.set_id = b.base_id
            WHERE NOT EXISTS (SELECT 1 FROM access_sets f WHERE f.set_id = b.set_id)
                AND NOT EXISTS (
                    SELECT 1 FROM access_set_changes c
                    WHERE c.set_id = b.set_id AND c.base_id = b.base_id AND c.household_id = s.household_id)
            UNION ALL
            \(M019AccessLogSets.setEntry(household: "c.household_id"))
            FROM access_log l JOIN access_set_bases b ON b.set_id = l.household_set
                JOIN access_set_changes c ON c.set_id = b.set_id AND c.base_id = b.base_id AND c.added
            WHERE NOT EXISTS (SELECT 1 FROM access_sets f WHERE f.set_id = b.set_id)
            """,
        ] {
            try await db.raw(SQLQueryString(statement)).run()
        }
        try await AppendOnly.protect(["access_set_bases", "access_set_changes"], on: db)
    }

    func revert(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        for statement in [
            "DROP VIEW access_log_by_household", M019AccessLogSets.byHousehold,
            "DROP TABLE access_set_changes", "DROP TABLE access_set_bases",
        ] {
            try await db.raw(SQLQueryString(statement)).run()
        }
    }
}
