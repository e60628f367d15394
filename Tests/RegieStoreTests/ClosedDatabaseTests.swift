import Foundation
import NIOPosix
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@Suite("Closed database")
struct ClosedDatabaseTests {
    @Test(
        "After shutdown a read and a write fail with DatabaseClosed instead of ending the process",
        arguments: TestDatabases.backends)
    func afterShutdown(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            // Reads on every event loop first: `sql` keeps a handle per loop, and none may outlive the shutdown.
            let loops = Array(MultiThreadedEventLoopGroup.singleton.makeIterator()).count
            for _ in 0..<(2 * loops) { _ = try await db.sql.raw("SELECT 1 AS one").all() }
            await db.shutdown()
            for _ in 0..<(2 * loops) {
                await #expect(throws: DatabaseClosed.self) { try await db.sql.raw("SELECT 1 AS one").all() }
            }
            await #expect(throws: DatabaseClosed.self) {
                try await db.write { tx in try await tx.raw("SELECT 1").run() }
            }
        }
    }
}
