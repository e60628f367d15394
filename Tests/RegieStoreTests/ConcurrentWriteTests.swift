import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@Suite("Concurrent writers")
struct ConcurrentWriteTests {
    @Test(
        "Many concurrent write transactions all commit, without busy errors or deadlock",
        arguments: TestDatabases.backends)
    func manyWriters(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let writers = 300
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<writers {
                    group.addTask {
                        try await db.write { tx in
                            // Read-then-write inside one transaction, the pattern that collides without serialising.
                            let count = try await OrganisationStore.all(on: tx).count
                            try await OrganisationStore.insert(
                                Organisation(name: "Organisatie \(index) na \(count)", kind: .other), on: tx)
                            try await LoginAttemptStore.record(
                                email: "e\(index)@t.nl", ip: "127.0.0.1", success: true, on: tx)
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await OrganisationStore.all(on: db.sql).count == writers)
        }
    }
}
