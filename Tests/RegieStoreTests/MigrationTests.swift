import Foundation
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test("Migrate creates the schema and a second run changes nothing", arguments: TestDatabases.backends)
    func migrateTwice(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let first = try await db.appliedMigrations()
            #expect(first.contains { $0.hasSuffix("M001Foundation") })
            #expect(first.contains { $0.hasSuffix("M018PlanHouseholdIndex") })
            try await db.migrate()
            #expect(try await db.appliedMigrations() == first)
            for table in ["organisations", "networks", "users", "sessions", "timeline_events", "access_log"] {
                _ = try await db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all)).from(table).all()
            }
        }
    }

    @Test("The SQLite file runs in WAL mode with foreign keys on")
    func sqlitePragmas() async throws {
        try await TestDatabases.with(.sqlite) { db in
            let mode = try await db.sql.raw("PRAGMA journal_mode").first()?.decode(
                column: "journal_mode", as: String.self)
            #expect(mode == "wal")
            // Statement journals in memory (2): a list's access-log batch no longer writes a temporary file.
            #expect(try await db.sql.raw("PRAGMA temp_store").first()?.decode(column: "temp_store", as: Int.self) == 2)
            // Every plan of a household, closed ones too, is found by index (the figures read them per household).
            let plan = try await db.sql.raw("EXPLAIN QUERY PLAN SELECT id FROM plans WHERE household_id = 'h'").all()
                .map { try $0.decode(column: "detail", as: String.self) }
            #expect(plan.contains { $0.contains("plans_household") }, "\(plan)")
            // A household's access log, list views included, is read by index on both sides of the view.
            let log = try await db.sql.raw(
                "EXPLAIN QUERY PLAN SELECT id FROM access_log_by_household WHERE household_id = 'h'"
            ).all().map { try $0.decode(column: "detail", as: String.self) }
            for index in ["access_log_household", "access_sets_household", "access_log_set"] {
                #expect(log.contains { $0.contains(index) }, "\(log)")
            }
            await #expect(throws: (any Error).self) {
                try await db.write { tx in
                    try await tx.raw(
                        "INSERT INTO households (id, network_id, reference, created_at) VALUES ('h', 'missing', 'x', 0)"
                    ).run()
                }
            }
        }
    }

    @Test("Database locations parse from --db values")
    func locations() throws {
        #expect(try DatabaseLocation(parsing: "regie.sqlite") == .sqlite(path: "regie.sqlite"))
        guard
            case .postgres(let s) = try DatabaseLocation(
                parsing: "postgres://regie:geheim@db.local:6543/zorg?sslmode=require")
        else { Issue.record("not postgres"); return }
        #expect(s.host == "db.local" && s.port == 6543 && s.username == "regie" && s.password == "geheim")
        #expect(s.database == "zorg" && s.requireTLS)
        #expect(s.connections == DatabaseLocation.PostgresSettings.defaultConnections && s.connections >= 4)
        guard case .postgres(let pooled) = try DatabaseLocation(parsing: "postgres://db.local/zorg?pool=12") else {
            Issue.record("not postgres")
            return
        }
        #expect(pooled.connections == 12 && pooled.username == "postgres" && !pooled.requireTLS)
        for wrong in ["0", "veel", "501"] {
            #expect(throws: DatabaseLocationError.invalidPool(wrong)) {
                try DatabaseLocation(parsing: "postgres://db.local/zorg?pool=\(wrong)")
            }
        }
        #expect(!String(describing: DatabaseLocation.postgres(s)).contains("geheim"))
        #expect(throws: DatabaseLocationError.self) { try DatabaseLocation(parsing: "mysql://x") }
    }
}
