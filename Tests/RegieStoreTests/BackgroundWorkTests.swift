import Foundation
import RegieCore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieStore

/// Closing the database waits for the work it runs in the background.
@Suite("Background work and shutdown")
struct BackgroundWorkTests {
    /// What the background work saw.
    actor Outcome {
        var read: Int?
        func record(_ value: Int?) { read = value }
    }

    @Test("Shutdown waits for background work, which still reads the database", arguments: TestDatabases.backends)
    func shutdownWaits(backend: RegieDatabase.Backend) async throws {
        let outcome = Outcome()
        try await TestDatabases.with(backend) { db in
            await db.inBackground {
                try? await Task.sleep(for: .milliseconds(300))
                let row = try? await db.sql.raw("SELECT 41 + 1 AS n").first()
                await outcome.record(try? row?.decode(column: "n", as: Int.self))
            }
        }
        // `with` has shut the database down: only after the work had read through it.
        #expect(await outcome.read == 42)
    }
}
