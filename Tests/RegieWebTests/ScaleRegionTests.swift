import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("The generated scale region (regie demo --scale)")
struct ScaleRegionTests {
    /// Generates `households` households of the `klein` scale with `seed`; returns the persons' names and birth
    /// dates and the networks' phase counts as one sorted fingerprint.
    static func fingerprint(_ db: RegieDatabase, seed: UInt64, households: Int = 40) async throws -> [String] {
        var configuration = RegieConfiguration()
        configuration.bcryptCost = 4
        let app = try await WebApp(database: db, configuration: configuration)
        try await ScaleRegion(accounts: app.accounts, scale: .klein, seed: seed, households: households)
            .load(profiles: app.profiles) { _, _ in }
        let persons = try await db.sql.raw(
            "SELECT given_name || ' ' || family_name || ' ' || COALESCE(birth_date, '') AS v FROM persons"
        ).all().map { try $0.decode(column: "v", as: String.self) }
        var phases: [String] = []
        for household in try await db.sql.raw("SELECT id AS v FROM households").all() {
            let id = HouseholdID(rawValue: try household.decode(column: "v", as: String.self))
            phases.append(try #require(try await HouseholdStore.accessContext(id, on: db.sql)).phase.rawValue)
        }
        return (persons + phases).sorted()
    }

    @Test(
        "The same seed gives the same households in the same phases; another seed gives others",
        arguments: TestDatabases.backends)
    func reproducible(backend: RegieDatabase.Backend) async throws {
        let first = try await TestDatabases.with(backend) { try await Self.fingerprint($0, seed: 7) }
        let again = try await TestDatabases.with(backend) { try await Self.fingerprint($0, seed: 7) }
        let other = try await TestDatabases.with(backend) { try await Self.fingerprint($0, seed: 8) }
        #expect(first == again)
        #expect(first != other)
        #expect(Set(first).isSuperset(of: ["active", "intake"]), "households in more than one phase")
    }

    @Test(
        "On PostgreSQL the generated rows are vacuumed and analysed, so index-only scans need not read the table",
        .enabled(if: TestDatabases.backends.contains(.postgres), "needs TEST_POSTGRES_URL"))
    func settled() async throws {
        try await TestDatabases.with(.postgres) { db in
            _ = try await Self.fingerprint(db, seed: 3, households: 7)
            let visible = try await db.sql.raw(
                "SELECT relallvisible AS v FROM pg_class WHERE relname = 'households'"
            ).first()?.decode(column: "v", as: Int.self)
            #expect((visible ?? 0) > 0, "VACUUM sets the visibility map")
        }
    }

    @Test(
        "Every network gets users for each role it needs, and a non-empty database is refused",
        arguments: TestDatabases.backends)
    func usersAndRefusal(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            _ = try await Self.fingerprint(db, seed: 1, households: 7)
            #expect(try await NetworkStore.all(on: db.sql).count == DemoScale.klein.networks)
            #expect(
                try await UserStore.all(on: db.sql).count == DemoScale.klein.networks * DemoScale.klein.usersPerNetwork)
            let app = try await WebApp(database: db, configuration: RegieConfiguration())
            await #expect(throws: ScaleRegion.NotEmpty.self) {
                try await ScaleRegion(accounts: app.accounts, scale: .klein, seed: 1, households: 1)
                    .load(profiles: app.profiles) { _, _ in }
            }
        }
    }
}
