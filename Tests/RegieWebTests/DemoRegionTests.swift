import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("Demo region")
struct DemoRegionTests {
    @Test(
        "Loading the demo twice does not duplicate it, and every profile has a network",
        arguments: TestDatabases.backends)
    func idempotent(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            var configuration = RegieConfiguration()
            configuration.bcryptCost = 4
            let app = try await WebApp(database: db, configuration: configuration)
            let demo = DemoRegion(accounts: app.accounts)
            let logins = try await demo.load(profiles: app.profiles)
            let counts = (try await UserStore.all(on: db.sql).count, try await NetworkStore.all(on: db.sql).count)
            _ = try await demo.load(profiles: app.profiles)
            #expect(try await UserStore.all(on: db.sql).count == counts.0)
            #expect(try await NetworkStore.all(on: db.sql).count == counts.1)
            #expect(logins.count == counts.0)
            let profiles = Set(try await NetworkStore.all(on: db.sql).map(\.profileCode))
            #expect(profiles == Set(app.profiles.profiles.map(\.code)))
            let roles = try await UserStore.all(on: db.sql).asyncFlatMap {
                try await UserStore.roles(of: $0.id, on: db.sql)
            }
            #expect(Set(roles.map(\.role)) == Set(Role.allCases), "a demo user for every role")
        }
    }
}

extension Array {
    fileprivate func asyncFlatMap<T>(_ transform: (Element) async throws -> Set<T>) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(contentsOf: try await transform(element)) }
        return result
    }
}
