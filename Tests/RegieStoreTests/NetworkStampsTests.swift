import Foundation
import RegieCore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieStore

/// The database keeps each network's fact stamp (`M023NetworkStamps`): always what counting its households gives.
@Suite("Network stamps kept by the database")
struct NetworkStampsTests {
    @Test(
        "New households, rising versions, a move and a removal keep the stamps equal to the count; the migration fills them",
        arguments: TestDatabases.backends)
    func kept(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let other = Fixture.anotherNetwork()
            let director = f.actor(f.director, .networkDirector)
            #expect(try await HouseholdStore.factStamp(of: [f.network.id], on: db.sql) == "0:0", "no households yet")
            let households = try await db.write { tx in
                try await NetworkStore.insert(other, on: tx)
                var made: [HouseholdID] = []
                for number in 0..<3 {
                    made.append(
                        try await HouseholdStore.create(
                            network: f.network.id, reference: "STAMP-\(number)", actor: director, on: tx))
                }
                return made
            }
            try await expectCounted(on: db, networks: [f.network.id, other.id])
            try await db.write { tx in
                try await HouseholdStore.touch(households[0], changes: 3, on: tx)
                try await HouseholdStore.touch(households[1], on: tx)
            }
            try await expectCounted(on: db, networks: [f.network.id, other.id])
            let before = try await HouseholdStore.factStamp(of: [f.network.id], on: db.sql)
            try await db.write { tx in try await HouseholdStore.touch(households[2], on: tx) }
            #expect(
                try await HouseholdStore.factStamp(of: [f.network.id], on: db.sql)
                    == HouseholdStore.factStamp(before, raisedBy: 1))

            // Regie neither moves nor deletes households; the stamps would follow if it did.
            try await db.write { tx in
                try await tx.raw(
                    "UPDATE households SET network_id = \(bind: other.id.rawValue) WHERE id = \(bind: households[0].rawValue)"
                ).run()
            }
            try await expectCounted(on: db, networks: [f.network.id, other.id])
            #expect(try await HouseholdStore.factStamp(of: [other.id], on: db.sql) != "0:0")
            // A household with nothing recorded yet (the timeline is append-only, so only such a one can go).
            let bare = UUID().uuidString.lowercased()
            try await db.write { tx in
                try await tx.raw(
                    """
                    INSERT INTO households (id, network_id, reference, created_at) \
                    VALUES (\(bind: bare), \(bind: f.network.id.rawValue), 'STAMP-BARE', 0)
                    """
                ).run()
            }
            try await expectCounted(on: db, networks: [f.network.id, other.id])
            try await db.write { tx in try await tx.raw("DELETE FROM households WHERE id = \(bind: bare)").run() }
            try await expectCounted(on: db, networks: [f.network.id, other.id])

            // Updating Regie to this version fills the stamps from the households already there.
            try await db.write { tx in
                try await M023NetworkStamps.drop(on: tx)
                try await M023NetworkStamps.create(on: tx)
            }
            try await expectCounted(on: db, networks: [f.network.id, other.id])
            try await db.write { tx in try await HouseholdStore.touch(households[2], on: tx) }
            try await expectCounted(on: db, networks: [f.network.id, other.id])
        }
    }

    /// Each network's stamp, and both together, are what counting the households gives.
    private func expectCounted(on db: RegieDatabase, networks: [NetworkID]) async throws {
        for group in networks.map({ [$0] }) + [networks] {
            let counted = try await db.sql.raw(
                """
                SELECT COUNT(*) AS households, CAST(COALESCE(SUM(fact_version), 0) AS BIGINT) AS versions
                FROM households WHERE network_id IN (\(binds: group.map(\.rawValue)))
                """
            ).first()
            let stamp = HouseholdStore.stamp(
                households: try counted?.decode(column: "households", as: Int64.self) ?? 0,
                versions: try counted?.decode(column: "versions", as: Int64.self) ?? 0)
            #expect(try await HouseholdStore.factStamp(of: group, on: db.sql) == stamp)
        }
    }
}
