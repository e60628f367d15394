import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@Suite("Directory version")
struct DirectoryVersionTests {
    @Test(
        "Every change to a user, a user's roles, an organisation, a network or its partners raises the directory's version",
        arguments: TestDatabases.backends)
    func raised(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let household = try await db.write { tx in
                try await HouseholdStore.create(
                    network: f.network.id, reference: "DV-1", actor: f.actor(f.director, .networkDirector), on: tx)
            }
            var seen = try #require(try await DirectoryVersion.caseStamp(of: household, on: db.sql))
            #expect(seen.directory == (try await DirectoryVersion.current(on: db.sql)))
            let school = Organisation(name: "School \(UUID().uuidString.prefix(6))", kind: .school)
            let partner = UserAccount(
                id: f.partner.id, name: "Petra Hernoemd", email: f.partner.email, organisation: f.organisation.id)
            let network = Network(
                id: f.network.id, name: "Netwerk hernoemd \(UUID().uuidString.prefix(6))", municipality: "Teststad",
                neighbourhoods: ["Noord", "Zuid"], profileCode: "enschede")
            let renamedSchool = Organisation(
                id: school.id, name: "School hernoemd \(UUID().uuidString.prefix(6))", kind: .school)
            let changes: [(String, @Sendable (any SQLDatabase) async throws -> Void)] = [
                ("new organisation", { try await OrganisationStore.insert(school, on: $0) }),
                ("renamed organisation", { try await OrganisationStore.update(renamedSchool, on: $0) }),
                ("renamed user", { try await UserStore.update(partner, on: $0) }),
                (
                    "roles",
                    {
                        try await UserStore.setRoles(
                            partner.id, [RoleAssignment(role: .caseDirector, network: network.id)], on: $0)
                    }
                ),
                ("renamed network", { try await NetworkStore.update(network, on: $0) }),
                (
                    "partner joins",
                    {
                        try await NetworkStore.setMember(
                            NetworkMember(network: network.id, organisation: school.id, partnerType: .shell), on: $0)
                    }
                ),
                (
                    "partner leaves",
                    { try await NetworkStore.removeMember(network: network.id, organisation: school.id, on: $0) }
                ),
            ]
            for (name, change) in changes {
                try await db.write { tx in try await change(tx) }
                let now = try #require(try await DirectoryVersion.caseStamp(of: household, on: db.sql))
                #expect(now.directory == seen.directory + 1, "\(name)")
                #expect(now.facts == seen.facts, "\(name) leaves the household as it was")
                seen = now
            }
            #expect(try await DirectoryVersion.caseStamp(of: HouseholdID(rawValue: "geen"), on: db.sql) == nil)
        }
    }

    @Test(
        "A case's stamp carries its network's fact stamp, which moves when another household of the network changes",
        arguments: TestDatabases.backends)
    func networkStamp(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let director = f.actor(f.director, .networkDirector)
            let (household, other) = try await db.write { tx in
                (
                    try await HouseholdStore.create(network: f.network.id, reference: "NS-1", actor: director, on: tx),
                    try await HouseholdStore.create(network: f.network.id, reference: "NS-2", actor: director, on: tx)
                )
            }
            let before = try #require(try await DirectoryVersion.caseStamp(of: household, on: db.sql))
            #expect(before.network == (try await HouseholdStore.factStamp(of: [f.network.id], on: db.sql)))
            try await db.write { tx in try await HouseholdStore.touch(other, on: tx) }
            let after = try #require(try await DirectoryVersion.caseStamp(of: household, on: db.sql))
            #expect(after.facts == before.facts && after.network != before.network)
            #expect(after.network == (try await HouseholdStore.factStamp(of: [f.network.id], on: db.sql)))
        }
    }
}
