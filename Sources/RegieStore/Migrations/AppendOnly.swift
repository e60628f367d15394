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
