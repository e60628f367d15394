import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("The network a user works in follows the household on screen")
struct NetworkFollowsHouseholdTests {
    @Test(
        "Opening a case or a signal of another of the user's networks switches to it, and Start follows",
        arguments: TestDatabases.backends)
    func follows(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, _) = try await CaseWorkTests.team(harness, client)
            let household = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
            let signal = try await CaseWorkTests.column(harness, "SELECT id AS v FROM signals")[0]
            let elsewhere = try await harness.network("Netwerk Elders", profile: "enschede")
            try await harness.user(
                "twee@test.nl",
                [
                    RoleAssignment(role: .networkDirector, network: harness.network.id),
                    RoleAssignment(role: .networkDirector, network: elsewhere.id),
                ])
            var both = Browser(client)
            _ = try await both.login("twee@test.nl")
            func selected(_ network: Network) -> String { "value=\"\(network.id.rawValue)\" selected" }
            #expect(try await both.post("/network", [("network", elsewhere.id.rawValue)]).status == .found)
            #expect(try await both.get("/").body.contains(selected(elsewhere)))

            let file = try await both.get("/cases/\(household)").body
            #expect(file.contains(selected(harness.network)) && !file.contains(selected(elsewhere)))
            #expect(try await both.get("/").body.contains(selected(harness.network)), "Start is the case's network")

            _ = try await both.post("/network", [("network", elsewhere.id.rawValue)])
            #expect(try await both.get("/signals/\(signal)").body.contains(selected(harness.network)))
            #expect(try await both.get("/").body.contains(selected(harness.network)))
        }
    }
}
