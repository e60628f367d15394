import Foundation
import HummingbirdTesting
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("Health routes for load balancers and benchmarks")
struct HealthTests {
    @Test(
        "/health answers without the database, /health/db asks the database; neither needs a login",
        arguments: TestDatabases.backends)
    func health(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { _, client in
            let plain = try await client.execute(uri: "/health", method: .get)
            #expect(plain.status == .ok && String(buffer: plain.body) == "ok")
            let database = try await client.execute(uri: "/health/db", method: .get)
            #expect(database.status == .ok && String(buffer: database.body) == "ok")
            #expect(database.headers[.setCookie] == nil, "no session for a health check")
        }
    }
}
