import SQLKit

/// Makes tables append-only in the database itself, so not even a bug in Regie can rewrite history.
///
/// The timeline and the NEN 7513 access log must never be updated or deleted by the application; the
/// retention purge (a later capability) works through its own audited migration-level routine.
enum AppendOnly {
    static func protect(_ tables: [String], on db: any SQLDatabase) async throws {
        if db.dialect.name == "sqlite" {
            for table in tables {
                for operation in ["UPDATE", "DELETE"] {
                    try await db.raw(
                        SQLQueryString(
                            """
                            CREATE TRIGGER \(unsafeRaw: table)_no_\(unsafeRaw: operation.lowercased())
                            BEFORE \(unsafeRaw: operation) ON \(unsafeRaw: table)
                            BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: table) is append-only'); END
                            """)
                    ).run()
                }
            }
        } else {
            try await db.raw(
                """
                CREATE OR REPLACE FUNCTION regie_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql
                """
            ).run()
            for table in tables {
                try await db.raw(
                    SQLQueryString(
                        """
                        CREATE TRIGGER \(unsafeRaw: table)_append_only BEFORE UPDATE OR DELETE ON \(unsafeRaw: table)
                        FOR EACH ROW EXECUTE FUNCTION regie_append_only()
                        """)
                ).run()
            }
        }
    }
}

extension AppendOnly {
    /// Append-only tables that hold household content, which the retention purge must be able to blank.
    static let purgeable = [
        "timeline_events", "safety_pictures", "commitment_responses", "progress_entries", "goal_evaluations",
        "closures", "aftercare_answers",
    ]

    /// Replaces the append-only triggers of `tables` by ones that let a change through only while the retention
    /// purge holds a row in `purge_guard` — inside its own transaction, so no other writer ever sees it.
    static func protectAllowingPurge(_ tables: [String], on db: any SQLDatabase) async throws {
        if db.dialect.name == "sqlite" {
            for table in tables {
                for operation in ["UPDATE", "DELETE"] {
                    let name = "\(table)_no_\(operation.lowercased())"
                    try await db.raw(SQLQueryString("DROP TRIGGER IF EXISTS \(unsafeRaw: name)")).run()
                    try await db.raw(
                        SQLQueryString(
                            """
                            CREATE TRIGGER \(unsafeRaw: name) BEFORE \(unsafeRaw: operation) ON \(unsafeRaw: table)
                            WHEN NOT EXISTS (SELECT 1 FROM purge_guard)
                            BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: table) is append-only'); END
                            """)
                    ).run()
                }
            }
        } else {
            try await db.raw(
                """
                CREATE OR REPLACE FUNCTION regie_append_only_unless_purging() RETURNS trigger AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM purge_guard) THEN
                        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
                END; $$ LANGUAGE plpgsql
                """
            ).run()
            for table in tables {
                try await db.raw(
                    SQLQueryString("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_append_only ON \(unsafeRaw: table)")
                ).run()
                try await db.raw(
                    SQLQueryString(
                        """
                        CREATE TRIGGER \(unsafeRaw: table)_append_only BEFORE UPDATE OR DELETE ON \(unsafeRaw: table)
                        FOR EACH ROW EXECUTE FUNCTION regie_append_only_unless_purging()
                        """)
                ).run()
            }
        }
    }
}
