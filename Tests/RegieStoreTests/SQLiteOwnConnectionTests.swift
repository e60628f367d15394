import Foundation
import SQLKit
import SQLiteNIO
import Testing

@testable import RegieStore

/// A connection of Regie's own keeps the statements it prepared: the same text runs again with other binds, more
/// texts than it keeps still answer, one with many binds runs without being kept, a statement prepared again after a
/// schema change reads the new columns, and a failing statement leaves the connection usable.
@Suite("SQLite connection that keeps its statements")
struct SQLiteOwnConnectionTests {
    /// A fresh database file with one small table, and a reading connection on it.
    private func withConnection(_ body: (SQLiteOwnConnection, String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lezer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("regie.sqlite").path
        let setUp = try SQLiteOwnConnection(path: path, pragmas: [])
        try setUp.run("CREATE TABLE t (n INTEGER, name TEXT, data BLOB, x REAL)", []) { _ in }
        for n in 1...5 {
            try setUp.run(
                "INSERT INTO t VALUES (?, ?, ?, ?)",
                [
                    .integer(n), .text("naam \(n) é"), .blob(ByteBuffer(bytes: [UInt8(n), 0, 255])),
                    .float(Double(n) / 2),
                ]
            ) { _ in }
        }
        setUp.close()
        let connection = try SQLiteOwnConnection(path: path, pragmas: RegieDatabase.connectionPragmas)
        defer { connection.close() }
        try body(connection, path)
    }

    /// The rows of one run, decoded.
    private func rows(_ connection: SQLiteOwnConnection, _ sql: String, _ values: [SQLiteData] = []) throws
        -> [any SQLRow]
    {
        var rows: [any SQLRow] = []
        try connection.run(sql, values) { rows.append($0) }
        return rows
    }

    @Test("The same text runs again with other binds, every value type read back")
    func sameTextOtherBinds() throws {
        try withConnection { connection, _ in
            for n in [3, 1, 5, 3] {
                let found = try rows(
                    connection, "SELECT n, name, data, x, NULL AS leeg FROM t WHERE n = ?", [.integer(n)])
                #expect(found.count == 1)
                let row = try #require(found.first)
                #expect(try row.decode(column: "n", as: Int.self) == n)
                #expect(try row.decode(column: "name", as: String.self) == "naam \(n) é")
                #expect(try row.decode(column: "x", as: Double.self) == Double(n) / 2)
                let data = try row.decode(column: "data", as: ByteBuffer.self)
                #expect(Array(data.readableBytesView) == [UInt8(n), 0, 255])
                #expect(try row.decodeNil(column: "leeg"))
                #expect(try row.decodeNil(column: "not-there"))
                #expect(!row.contains(column: "not-there"))
                #expect(throws: (any Error).self) { try row.decode(column: "not-there", as: Int.self) }
                #expect(row.allColumns == ["n", "name", "data", "x", "leeg"])
            }
        }
    }

    @Test("More texts than the connection keeps all answer, and the kept ones again after")
    func moreTextsThanKept() throws {
        try withConnection { connection, _ in
            for round in 0..<2 {
                for k in 0..<(SQLiteOwnConnection.keptStatements * 2) {
                    let found = try rows(connection, "SELECT n + \(k) AS m FROM t WHERE n = ?", [.integer(round + 1)])
                    #expect(try found.map { try $0.decode(column: "m", as: Int.self) } == [round + 1 + k])
                }
            }
        }
    }

    @Test("A statement with many binds runs, again too, without being kept")
    func manyBindsNotKept() throws {
        try withConnection { connection, _ in
            let places = Array(repeating: "?", count: 100).joined(separator: ", ")
            let sql = "SELECT n FROM t WHERE n IN (\(places)) ORDER BY n"
            let before = connection.keptCount
            for round in 0..<2 {
                let values = (0..<100).map { SQLiteData.integer($0 % 3 + round) }
                let found = try rows(connection, sql, values).map { try $0.decode(column: "n", as: Int.self) }
                #expect(found == (1...(2 + round)).map { $0 })
            }
            #expect(connection.keptCount == before)
            _ = try rows(connection, "SELECT n FROM t WHERE n IN (?, ?)", [.integer(1), .integer(2)])
            #expect(connection.keptCount == before + 1)
        }
    }

    @Test("After another connection changes the table, a kept statement reads its new columns")
    func preparedAgainAfterSchemaChange() throws {
        try withConnection { connection, path in
            #expect(
                try rows(connection, "SELECT * FROM t WHERE n = 1").first?.allColumns == ["n", "name", "data", "x"])
            let other = try SQLiteOwnConnection(path: path, pragmas: [])
            try other.run("ALTER TABLE t ADD COLUMN extra TEXT DEFAULT 'erbij'", []) { _ in }
            other.close()
            let row = try #require(try rows(connection, "SELECT * FROM t WHERE n = 1").first)
            #expect(row.allColumns == ["n", "name", "data", "x", "extra"])
            #expect(try row.decode(column: "extra", as: String.self) == "erbij")
        }
    }

    @Test("A statement that fails says why, and the connection reads on")
    func failureLeavesConnectionUsable() throws {
        try withConnection { connection, _ in
            #expect(throws: SQLiteFailure.self) { try rows(connection, "SELECT * FROM bestaat_niet") }
            // Fails while stepping, after its first row (a scan in the order of insertion, no sort that would compute
            // every row first): the statement is reset and runs again.
            let overflow = "SELECT CASE WHEN n > 1 THEN abs(-9223372036854775807 - (n - 1)) ELSE n END AS v FROM t"
            for _ in 0..<2 {
                var seen = 0
                do {
                    try connection.run(overflow, []) { _ in seen += 1 }
                    Issue.record("The overflow was not reported")
                } catch let error as SQLiteFailure {
                    #expect(error.description.contains("overflow"))
                }
                #expect(seen == 1)
            }
            #expect(try rows(connection, "SELECT count(*) AS c FROM t").first?.decode(column: "c", as: Int.self) == 5)
        }
    }

    @Test("A closed connection refuses to run")
    func closedRefuses() throws {
        try withConnection { connection, _ in
            connection.close()
            #expect(throws: SQLiteFailure.self) { try rows(connection, "SELECT 1") }
        }
    }
}
