import FluentKit
import SQLKit

/// A list page's access to its households as one log entry (issue 9). A worklist showed 75 households and wrote 75
/// access-log rows, each into a different page of the household index: half of what the page cost (measured at scale
/// `regio`), and a log the generated region alone had filled with 1.6 million rows. Now the page's entry names a
/// household set (`access_sets`, stored once per distinct set, content-addressed), and `access_log_by_household` shows
/// the log as before: one row per household an access concerned, which is what every report and the household's own
/// NEN 7513 list read.
struct M019AccessLogSets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        for statement in [
            "CREATE TABLE access_sets (set_id TEXT NOT NULL, household_id TEXT NOT NULL, PRIMARY KEY (set_id, household_id))",
            "CREATE INDEX access_sets_household ON access_sets(household_id)",
            "ALTER TABLE access_log ADD COLUMN household_set TEXT",
            "CREATE INDEX access_log_set ON access_log(household_set, occurred_at)",
            Self.byHousehold,
        ] {
            try await db.raw(SQLQueryString(statement)).run()
        }
        try await AppendOnly.protect(["access_sets"], on: db)
    }

    /// The log by household with every set stored in full (as `M024AccessSetDifferences` found it).
    static let byHousehold = "CREATE VIEW access_log_by_household AS\n" + fullSets

    /// The log's rows of single households, and of sets stored in full once per household: the view's first parts,
    /// which `M024AccessSetDifferences` keeps.
    static let fullSets = """
        SELECT id, occurred_at, user_id, organisation_id, on_behalf_of, household_id, network_id, action, allowed,
            rule, break_glass, break_glass_reason, request_id
        FROM access_log WHERE household_set IS NULL
        UNION ALL
        \(setEntry(household: "s.household_id"))
        FROM access_log l JOIN access_sets s ON s.set_id = l.household_set
        """

    /// The select list of a set's entry `l` once per household, the household taken from `household`.
    static func setEntry(household: String) -> String {
        """
        SELECT l.id, l.occurred_at, l.user_id, l.organisation_id, l.on_behalf_of, \(household), l.network_id,
            l.action, l.allowed, l.rule, l.break_glass, l.break_glass_reason, l.request_id
        """
    }

    func revert(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        for statement in [
            "DROP VIEW access_log_by_household", "DROP INDEX access_log_set",
            "ALTER TABLE access_log DROP COLUMN household_set", "DROP TABLE access_sets",
        ] {
            try await db.raw(SQLQueryString(statement)).run()
        }
    }
}
