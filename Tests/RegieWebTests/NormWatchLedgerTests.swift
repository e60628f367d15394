import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("Norm watch ledger: a network is judged again only when its facts, the day or its settings changed")
struct NormWatchLedgerTests {
    @Test(
        "A round skips unchanged networks and goes through a network with a new household, a new day or new settings",
        arguments: TestDatabases.backends)
    func skips(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, _ in
            let hengelo = try await harness.network("Sociaal team Hengelo", profile: "routekaart")
            let watch = NormWatch(app: harness.app)
            let today = Day(Date())
            #expect(try await watch.run(today: today).unchanged == 0, "the first round goes through every network")
            #expect(try await watch.run(today: today).unchanged == 2)

            let worker = try await harness.user(
                "wijkteam@test.nl", [RoleAssignment(role: .networkDirector, network: hengelo.id)])
            let actor = AccessActor(
                user: worker.id, organisation: worker.organisation,
                assignments: [RoleAssignment(role: .networkDirector, network: hengelo.id)])
            _ = try await harness.app.database.write {
                try await HouseholdStore.create(network: hengelo.id, reference: "HH-L", actor: actor, on: $0)
            }
            #expect(try await watch.run(today: today).unchanged == 1, "only Hengelo changed")
            #expect(try await watch.run(today: today.adding(days: 1)).unchanged == 0, "norms move with the day")

            var longer = hengelo
            longer.retentionYears = 20
            try await harness.app.accounts.saveNetwork(
                longer, members: try await NetworkStore.members(of: hengelo.id, on: harness.app.database.sql),
                isNew: false, profiles: harness.app.profiles, by: nil)
            #expect(try await watch.run(today: today.adding(days: 1)).unchanged == 1, "Hengelo's period changed")
            let restarted = try await WebApp(database: harness.app.database, configuration: harness.app.configuration)
            #expect(
                try await NormWatch(app: restarted).run(today: today.adding(days: 1)).unchanged == 0,
                "a new server keeps no ledger of the one before")
        }
    }
}
