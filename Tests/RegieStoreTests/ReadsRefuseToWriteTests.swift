import Foundation
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

/// SQLite's reading connections refuse to change anything (`PRAGMA query_only`): a change outside `write` would pass
/// the queue of transactions and belong to no user action's transaction. SQLite only — on PostgreSQL reads and
/// transactions share one pool of connections, so the same refusal there would need a pool of its own for reads.
@Suite("Reads refuse to write")
struct ReadsRefuseToWriteTests {
    @Test("A change through the reading connections fails and changes nothing; through a transaction it lands")
    func readsRefuse() async throws {
        try await TestDatabases.with(.sqlite) { db in
            try await db.write { try await $0.raw("CREATE TABLE refusal_probe (n INTEGER)").run() }
            try await db.write { try await $0.raw("INSERT INTO refusal_probe (n) VALUES (1)").run() }
            // As many tries as there are reading connections and more: every one of them refuses.
            for _ in 0..<(2 * ProcessInfo.processInfo.activeProcessorCount + 2) {
                await #expect {
                    try await db.sql.raw("UPDATE refusal_probe SET n = n + 1").run()
                } throws: { String(describing: $0).contains("readonly") }
            }
            await #expect(throws: (any Error).self) { try await db.sql.raw("CREATE TABLE refused (n INTEGER)").run() }
            let n = try await db.sql.raw("SELECT n FROM refusal_probe").first()?.decode(column: "n", as: Int.self)
            #expect(n == 1)
            try await db.write { try await $0.raw("UPDATE refusal_probe SET n = n + 1").run() }
            #expect(try await db.sql.raw("SELECT n FROM refusal_probe").first()?.decode(column: "n", as: Int.self) == 2)
        }
    }
}
