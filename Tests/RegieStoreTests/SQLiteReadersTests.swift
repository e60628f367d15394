import Foundation
import Logging
import NIOConcurrencyHelpers
import RegieCore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieStore

/// Reads outside a transaction run on a fixed set of connections (`SQLiteReaders` on SQLite, the client's pool on
/// PostgreSQL): more reads at once than connections wait their turn, each gets its own answer, every connection is
/// set up alike, and a read after a committed write sees it.
@Suite("Reading connections")
struct SQLiteReadersTests {
    @Test("Many reads at once each get their own rows", arguments: TestDatabases.backends)
    func manyAtOnce(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            struct Row: Decodable { let n: Int, text: String }
            let answers = try await withThrowingTaskGroup(of: (Int, [Row]).self) { group in
                for i in 0..<64 {
                    group.addTask {
                        let rows = try await db.sql.raw(
                            "SELECT \(bind: i) AS n, \(bind: "rij \(i)") AS text UNION ALL SELECT \(bind: i + 1000), 'x'"
                        ).all(decoding: Row.self)
                        return (i, rows)
                    }
                }
                return try await group.reduce(into: [Int: [Row]]()) { $0[$1.0] = $1.1 }
            }
            #expect(answers.count == 64)
            for (i, rows) in answers {
                #expect(rows.map(\.n) == [i, i + 1000])
                #expect(rows.first?.text == "rij \(i)")
            }
        }
    }

    @Test("Every reading connection waits for a busy database and keeps temporary tables in memory")
    func setUpAlike() async throws {
        try await TestDatabases.with(.sqlite) { db in
            struct Timeout: Decodable { let timeout: Int }
            struct Store: Decodable { let store: Int }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        let timeout = try await db.sql.raw("PRAGMA busy_timeout").first(decoding: Timeout.self)
                        #expect(timeout?.timeout == 10_000)
                        let store = try await db.sql.raw("SELECT temp_store AS store FROM pragma_temp_store()")
                            .first(decoding: Store.self)
                        #expect(store?.store == 2)
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    @Test("A read after a committed write sees it, while other reads run", arguments: TestDatabases.backends)
    func readsSeeCommits(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            struct Row: Decodable { let name: String }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask { _ = try await db.sql.raw("SELECT name FROM organisations").all() }
                }
                for i in 0..<8 {
                    let organisation = Organisation(name: "Lezer \(i) \(UUID().uuidString.prefix(6))", kind: .ggd)
                    try await db.write { tx in try await OrganisationStore.insert(organisation, on: tx) }
                    let rows = try await db.sql.raw(
                        "SELECT name FROM organisations WHERE name = \(bind: organisation.name)"
                    ).all(decoding: Row.self)
                    #expect(rows.map(\.name) == [organisation.name])
                }
                try await group.waitForAll()
            }
        }
    }

    @Test("A read in a cancelled task still gets its rows (a request whose client went away reads on)")
    func cancelledTaskReads() async throws {
        try await TestDatabases.with(.sqlite) { db in
            struct Row: Decodable { let n: Int }
            let read = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await db.sql.raw("SELECT \(bind: 7) AS n").all(decoding: Row.self).map(\.n)
            }
            let answer = try await read.value
            #expect(answer == [7])
        }
    }

    @Test(
        "When a connection cannot be opened, every waiting read gets the error instead of waiting for ever",
        .timeLimit(.minutes(10)))
    func failedOpening() async throws {
        let readers = SQLiteReaders(
            path: "/geen-map-\(UUID().uuidString)/regie.sqlite", connections: 1, logger: Logger(label: "test"))
        let failures = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    do {
                        try await readers.execute("SELECT 1", []) { _ in }
                        return false
                    } catch {
                        return true
                    }
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(failures == 6)
        await readers.close()
    }

    /// The name of the thread running now: SwiftNIO names its pool's threads `…TP-#n`.
    static func threadName() -> String { Thread.current.name ?? "" }

    @Test(
        "A read runs on the asking task's thread while one of the places for that is free, on SQLite's pool otherwise",
        .timeLimit(.minutes(10)))
    func inlineWhileFree() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eigen-draad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let readers = SQLiteReaders(
            path: folder.appendingPathComponent("regie.sqlite").path, connections: 2,
            places: SQLiteInlinePlaces(limit: 1),
            logger: Logger(label: "test"))
        let threads = NIOLockedValueBox([String: String]())
        let read: @Sendable (String, String) async throws -> Void = { name, sql in
            try await readers.execute(sql, []) { _ in
                threads.withLockedValue { $0[name] = $0[name] ?? Self.threadName() }
            }
        }
        try await read("alone", "SELECT 1")
        // A long read takes the one place; a read meanwhile goes to the pool.
        let long = Task {
            try await read(
                "long",
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000) SELECT x FROM c")
        }
        while threads.withLockedValue({ $0["long"] }) == nil { try await Task.sleep(for: .milliseconds(1)) }
        try await read("meanwhile", "SELECT 2")
        try await long.value
        try await read("after", "SELECT 3")
        await readers.close()
        let seen = threads.withLockedValue { $0 }
        #expect(seen["alone"].map { !$0.contains("TP-#") } == true, "\(seen)")
        #expect(seen["long"].map { !$0.contains("TP-#") } == true, "\(seen)")
        #expect(seen["meanwhile"].map { $0.contains("TP-#") } == true, "the place was taken: \(seen)")
        #expect(seen["after"].map { !$0.contains("TP-#") } == true, "the place is free again: \(seen)")
    }
}
