import Foundation
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieStore

/// The PostgreSQL pool keeps its connections open (`PostgresSettings.keepsConnections`): closing idle ones after a
/// minute made the server hold memory for every page served in that minute.
@Suite("PostgreSQL pool")
struct PostgresPoolTests {
    @Test("A server keeps all but one of its pool's connections open from the start; the tests' pools do not")
    func keepsConnections() async throws {
        guard TestDatabases.backends.contains(.postgres) else { return }
        try await TestDatabases.with(.postgres) { db in
            guard case .postgres(var settings) = db.location else { return }
            #expect(!settings.keepsConnections, "tests hold hundreds of databases at once")
            struct Count: Decodable { let count: Int }
            let connections = {
                try await db.sql.raw(
                    "SELECT COUNT(*)::int AS count FROM pg_stat_activity WHERE datname = current_database()"
                ).first(decoding: Count.self)?.count ?? 0
            }
            let before = try await connections()
            settings.connections = 4
            settings.keepsConnections = true
            let kept = try await RegieDatabase.open(.postgres(settings))
            var opened = 0
            // The pool opens them in the background; nothing on this server asks for them.
            for _ in 0..<100 where opened < 3 {
                try await Task.sleep(for: .milliseconds(100))
                opened = try await connections() - before
            }
            await kept.shutdown()
            #expect(opened >= 3)
        }
    }
}
