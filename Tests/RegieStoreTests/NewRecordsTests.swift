import Foundation
import Logging
import NIOCore
import RegieTestSupport
import SQLKit
import Synchronization
import Testing

@testable import RegieStore

/// New records for several tables land whole: on PostgreSQL in one statement while they fit one, split where not.
@Suite("New records inserted together")
struct NewRecordsTests {
    @Test(
        "Rows of tables that refer to each other all land; PostgreSQL takes them in one statement",
        arguments: TestDatabases.backends)
    func together(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let tables = try await Tables(db)
            var records = NewRecords()
            for parent in ["p1", "p2"] {
                records.add(tables.parent, columns: ["id"], values: [SQLBind(parent)])
                for child in 1...3 {
                    records.add(
                        tables.child, columns: ["id", "parent"],
                        values: [SQLBind("\(parent)-\(child)"), SQLBind(parent)])
                }
            }
            let statements = try await tables.statements(inserting: records)
            #expect(statements == (backend == .postgres ? 1 : 2))
            #expect(try await tables.count(tables.parent) == 2)
            #expect(try await tables.count(tables.child) == 6)
        }
    }

    @Test("Past a statement's parameters the rows are split, and all land", arguments: TestDatabases.backends)
    func split(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let tables = try await Tables(db)
            var records = NewRecords()
            // 3,000 parents (3,000 parameters) and 3,000 children (6,000): more than one statement takes.
            for index in 0..<3_000 {
                records.add(tables.parent, columns: ["id"], values: [SQLBind("p\(index)")])
                records.add(
                    tables.child, columns: ["id", "parent"], values: [SQLBind("c\(index)"), SQLBind("p\(index)")])
            }
            let statements = try await tables.statements(inserting: records)
            #expect(statements == 2)
            #expect(try await tables.count(tables.parent) == 3_000)
            #expect(try await tables.count(tables.child) == 3_000)
        }
    }

    @Test("A child without its parent stops the whole insert on both databases", arguments: TestDatabases.backends)
    func whole(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let tables = try await Tables(db)
            var records = NewRecords()
            records.add(tables.parent, columns: ["id"], values: [SQLBind("p1")])
            records.add(tables.child, columns: ["id", "parent"], values: [SQLBind("c1"), SQLBind("zoek")])
            await #expect(throws: (any Error).self) {
                try await db.write { [records] tx in try await records.insert(on: tx) }
            }
            #expect(try await tables.count(tables.parent) == 0)
        }
    }
}

/// A parent table and a child table with a foreign key to it, named afresh for each test.
private struct Tables {
    let db: RegieDatabase
    let parent = "nr_parent_\(UUID().uuidString.prefix(8).lowercased())"
    let child: String

    init(_ db: RegieDatabase) async throws {
        self.db = db
        child = parent.replacingOccurrences(of: "parent", with: "child")
        let (parent, child) = (parent, child)
        // SQLite checks foreign keys only when asked; Regie's connections ask (`RegieDatabase.prepareSQLite`).
        try await db.write { tx in
            try await tx.raw("CREATE TABLE \(unsafeRaw: parent) (id TEXT PRIMARY KEY)").run()
            try await tx.raw(
                "CREATE TABLE \(unsafeRaw: child) (id TEXT PRIMARY KEY, parent TEXT NOT NULL REFERENCES \(unsafeRaw: parent)(id))"
            ).run()
        }
    }

    /// Inserts `records` in a transaction and answers how many statements that took.
    func statements(inserting records: NewRecords) async throws -> Int {
        try await db.write { tx in
            let counting = CountingDatabase(base: tx)
            try await records.insert(on: counting)
            return counting.count.withLock { $0 }
        }
    }

    func count(_ table: String) async throws -> Int {
        try await db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()?
            .decode(column: "n", as: Int.self) ?? 0
    }
}

/// Counts the statements sent through it.
private final class CountingDatabase: SQLDatabase, Sendable {
    let base: any SQLDatabase
    let count = Mutex(0)

    init(base: any SQLDatabase) { self.base = base }

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        count.withLock { $0 += 1 }
        return base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        count.withLock { $0 += 1 }
        try await base.execute(sql: query, onRow)
    }
}
