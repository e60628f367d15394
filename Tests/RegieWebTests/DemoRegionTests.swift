import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("Demo region")
struct DemoRegionTests {
    @Test(
        "Loading the demo twice does not duplicate it, and every profile has a network",
        arguments: TestDatabases.backends)
    func idempotent(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let (app, logins) = try await Self.loaded(db)
            let demo = DemoRegion(accounts: app.accounts)
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

    /// A web app on `db` with the demo region loaded, and the logins the loader returned.
    static func loaded(_ db: RegieDatabase) async throws -> (WebApp, [DemoRegion.Login]) {
        var configuration = RegieConfiguration()
        configuration.bcryptCost = 4
        let app = try await WebApp(database: db, configuration: configuration)
        return (app, try await DemoRegion(accounts: app.accounts).load(profiles: app.profiles))
    }
}

@Suite("Demo region: households in every phase, derived from their histories")
struct DemoRegionPhaseTests {
    @Test(
        "Every network has a new signal, a round, running and stalled care, an escalation, closed, aftercare, reopened",
        arguments: TestDatabases.backends)
    func phases(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let (app, _) = try await DemoRegionTests.loaded(db)
            for network in try await NetworkStore.all(on: db.sql) {
                let director = try #require(
                    try await UserStore.users(with: .networkDirector, in: network.id, on: db.sql).first)
                let actor = AccessActor(
                    user: director.id, organisation: director.organisation,
                    assignments: try await UserStore.roles(of: director.id, on: db.sql))
                var phases: [CasePhase: Int] = [:]
                var stalled = 0
                var kinds: Set<String> = []
                let households = try await db.sql.select().column("id").from("households")
                    .where("network_id", .equal, SQLBind(network.id.rawValue)).all()
                    .map { HouseholdID(rawValue: try $0.decode(column: "id", as: String.self)) }
                for household in households {
                    let grant = try await AccessGuard.authorize(
                        actor, .viewContent, household: household, requestID: "test", database: db)
                    phases[grant.context.phase, default: 0] += 1
                    let facts = try await CaseFacts.load(grant, app: app)
                    kinds.formUnion(facts.events.map(\.kind))
                    if grant.context.phase == .active && facts.plan?.adopted != nil
                        && facts.monitor(calendar: app.calendar).isStalled
                    {
                        stalled += 1
                    }
                }
                #expect(phases[.intake] ?? 0 >= 1 && phases[.informationRound] ?? 0 >= 1, "\(network.name)")
                #expect(phases[.active] ?? 0 >= 4 && phases[.aftercare] == 1 && phases[.closed] == 1, "\(network.name)")
                #expect(stalled >= 2, "stalled and escalated care in \(network.name)")
                #expect(
                    kinds.isSuperset(of: ["escalation.raised", "case.reopened", "aftercare.ended", "plan.adopted"]))
            }
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
