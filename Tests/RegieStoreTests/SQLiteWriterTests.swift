import Foundation
import Logging
import NIOConcurrencyHelpers
import RegieCore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieStore

/// A write is one transaction (`RegieDatabase.write`; on SQLite `SQLiteWriter`): all of it is stored or none, the
/// statements its body starts side by side all run, a cancelled task's write is stored, a handle kept beyond the body
/// runs nothing more, a value taken twice is recognised as such, and a transaction waits for another process's write
/// instead of failing.
@Suite("Write transactions")
struct SQLiteWriterTests {
    private struct Name: Decodable { let name: String }

    private func names(_ prefix: String, on db: RegieDatabase) async throws -> [String] {
        try await db.sql.raw("SELECT name FROM organisations WHERE name LIKE \(bind: prefix + "%") ORDER BY name")
            .all(decoding: Name.self).map(\.name)
    }

    @Test("A write that fails halfway leaves nothing; the next one is stored whole", arguments: TestDatabases.backends)
    func allOrNothing(backend: RegieDatabase.Backend) async throws {
        struct Halfway: Error {}
        try await TestDatabases.with(backend) { db in
            let prefix = "Half \(UUID().uuidString.prefix(6))"
            await #expect(throws: Halfway.self) {
                try await db.write { tx in
                    try await OrganisationStore.insert(Organisation(name: "\(prefix) a", kind: .ggd), on: tx)
                    try await OrganisationStore.insert(Organisation(name: "\(prefix) b", kind: .ggd), on: tx)
                    throw Halfway()
                }
            }
            #expect(try await names(prefix, on: db).isEmpty)
            try await db.write { tx in
                try await OrganisationStore.insert(Organisation(name: "\(prefix) c", kind: .ggd), on: tx)
                // Read back inside the transaction, before it is committed.
                let inside = try await tx.raw("SELECT name FROM organisations WHERE name = \(bind: "\(prefix) c")")
                    .all(decoding: Name.self)
                #expect(inside.map(\.name) == ["\(prefix) c"])
            }
            #expect(try await names(prefix, on: db) == ["\(prefix) c"])
        }
    }

    @Test("Statements a write starts side by side all run, in one transaction", arguments: TestDatabases.backends)
    func sideBySide(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let prefix = "Naast \(UUID().uuidString.prefix(6))"
            let all = (0..<48).map { "\(prefix) \(String(format: "%02d", $0))" }
            try await db.write { tx in
                for name in all { try await OrganisationStore.insert(Organisation(name: name, kind: .ggd), on: tx) }
                // The same statement text many times at once: on SQLite one prepared statement, which two threads
                // must never step together.
                try await withThrowingTaskGroup(of: [String].self) { group in
                    for _ in 0..<32 {
                        group.addTask {
                            try await tx.raw(
                                "SELECT name FROM organisations WHERE name LIKE \(bind: prefix + "%") ORDER BY name"
                            ).all(decoding: Name.self).map(\.name)
                        }
                    }
                    for try await names in group { #expect(names == all) }
                }
            }
            #expect(try await names(prefix, on: db) == all)
        }
    }

    @Test("A name taken twice is refused as a duplicate, and the first stays", arguments: TestDatabases.backends)
    func duplicateRecognised(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let name = "Dubbel \(UUID().uuidString.prefix(6))"
            try await db.write { tx in try await OrganisationStore.insert(Organisation(name: name, kind: .ggd), on: tx)
            }
            await #expect(throws: StoreError.duplicate(field: "name")) {
                try await db.write { tx in
                    try await OrganisationStore.insert(Organisation(name: name, kind: .police), on: tx)
                }
            }
            #expect(try await names(name, on: db) == [name])
        }
    }

    @Test("A write in a cancelled task is stored whole (a request whose client went away)")
    func cancelledTaskWrites() async throws {
        try await TestDatabases.with(.sqlite) { db in
            let name = "Weg \(UUID().uuidString.prefix(6))"
            let write = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                try await db.write { tx in
                    try await OrganisationStore.insert(Organisation(name: name, kind: .ggd), on: tx)
                }
            }
            try await write.value
            #expect(try await names(name, on: db) == [name])
        }
    }

    @Test("A transaction's handle kept beyond its body runs nothing more")
    func handleAfterEnd() async throws {
        try await TestDatabases.with(.sqlite) { db in
            let kept = try await db.write { tx in tx }
            await #expect(throws: TransactionEnded.self) { try await kept.raw("SELECT 1").run() }
        }
    }

    @Test("A write waits while another process holds SQLite's write lock, then is stored")
    func waitsForOtherProcess() async throws {
        try await TestDatabases.with(.sqlite) { db in
            guard case .sqlite(let path) = db.location else {
                Issue.record("The test database is not SQLite")
                return
            }
            let other = try SQLiteOwnConnection(path: path, pragmas: RegieDatabase.connectionPragmas)
            defer { other.close() }
            try other.run("BEGIN IMMEDIATE", []) { _ in }
            let name = "Wacht \(UUID().uuidString.prefix(6))"
            let write = Task {
                try await db.write { tx in
                    try await OrganisationStore.insert(Organisation(name: name, kind: .ggd), on: tx)
                }
            }
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await names(name, on: db).isEmpty)
            try other.run("COMMIT", []) { _ in }
            try await write.value
            #expect(try await names(name, on: db) == [name])
        }
    }

    @Test("A transaction's statements run on the writing task's thread while a place is free, on SQLite's pool if not")
    func inlineWhileFree() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schrijver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let places = SQLiteInlinePlaces(limit: 1)
        let writer = SQLiteWriter(
            path: folder.appendingPathComponent("regie.sqlite").path, places: places, logger: Logger(label: "test"))
        defer { writer.close() }
        let thread = { @Sendable (tx: SQLiteTransaction) async throws -> String in
            let name = NIOLockedValueBox("")
            try await tx.execute("SELECT 1", []) { _ in name.withLockedValue { $0 = Thread.current.name ?? "" } }
            return name.withLockedValue { $0 }
        }
        let free = try await writer.transaction { tx in try await thread(tx) }
        #expect(!free.contains("TP-#"), "\(free)")
        // A read holding the one place sends the transaction's statements to the pool.
        let taken = try await places.run { inline in
            #expect(inline)
            return try await writer.transaction { tx in try await thread(tx) }
        }
        #expect(taken.contains("TP-#"), "\(taken)")
    }
}
