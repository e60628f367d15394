import Foundation
import RegieCore
import RegieTestSupport
import Testing

@testable import RegieStore

/// The fact stamps of a user's networks, read with their session, are the stamps a list would read itself.
@Suite("Network stamps read with the session")
struct NetworkStampTests {
    @Test(
        "Each network of the user's roles comes with its stamp, and a director's with what waits there",
        arguments: TestDatabases.backends)
    func stamps(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let network = f.network.id
            // What the worklist and the signal list would read for themselves.
            func read() async throws -> (stamp: String, waiting: HouseholdStore.Waiting) {
                try await HouseholdStore.factStampWithWaiting(of: network, on: db.sql)
            }
            func known(_ user: UserAccount) async throws -> HouseholdStore.NetworkStamp {
                try #require(try await Fixture.throughSession(user.id, on: db)?.stamps[network])
            }

            let empty = try await known(f.director).stamp
            let readEmpty = try await read()
            #expect(empty == "0:0", "a network without households has the stamp of none")
            #expect(empty == readEmpty.stamp)
            let household = try await db.write {
                try await HouseholdStore.create(
                    network: network, reference: "HH-S", actor: f.actor(f.director, .networkDirector), on: $0)
            }
            let director = try await known(f.director)
            let readOne = try await read()
            #expect(director.stamp == readOne.stamp && director.stamp != "0:0")
            #expect(director.unreviewedAccesses == 0 && director.handoverOffers == 0)
            let withDirectory = try await HouseholdStore.factStampWithDirectory(of: network, on: db.sql)
            #expect(director.stamp(withDirectory: withDirectory.directory) == withDirectory.stamp)

            _ = try await AccessGuard.authorize(
                f.actor(f.partner, .caseDirector), .viewContent, household: household,
                breakGlassReason: "Acute dreiging, crisisdienst vraagt het dossier", requestID: nil, database: db)
            let waiting = try #require(
                try await known(f.director).waiting(reviews: true, answersHandovers: true))
            let readWaiting = try await read().waiting
            #expect(waiting.unreviewedAccesses == 1 && readWaiting.unreviewedAccesses == 1)
            #expect(waiting.handoverOffers == 0)

            let partner = try await known(f.partner)
            #expect(partner.stamp == director.stamp, "the same network, the same stamp")
            #expect(partner.unreviewedAccesses == nil && partner.handoverOffers == nil, "not read for a partner")
            #expect(partner.waiting(reviews: true, answersHandovers: false) == nil, "so a reviewer would read it")
            #expect(partner.waiting(reviews: false, answersHandovers: false)?.unreviewedAccesses == 0)
        }
    }

    @Test(
        "The stamp of several networks, summed from the session's, is the one read; a network without a role is read",
        arguments: TestDatabases.backends)
    func region(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let (other, elsewhere) = (Fixture.anotherNetwork(), Fixture.anotherNetwork())
            try await db.write { tx in
                try await NetworkStore.insert(other, on: tx)
                try await NetworkStore.insert(elsewhere, on: tx)
                try await UserStore.setRoles(
                    f.director.id,
                    [
                        RoleAssignment(role: .networkDirector, network: f.network.id),
                        RoleAssignment(role: .policyOfficer, network: other.id),
                    ], on: tx)
            }
            let actor = f.actor(f.director, .networkDirector)
            for (network, reference) in [(f.network.id, "HH-R1"), (other.id, "HH-R2"), (other.id, "HH-R3")] {
                let household = try await db.write {
                    try await HouseholdStore.create(network: network, reference: reference, actor: actor, on: $0)
                }
                try await db.write { try await HouseholdStore.touch(household, changes: 2, on: $0) }
            }
            let both = [f.network.id, other.id]
            let known = try #require(try await Fixture.throughSession(f.director.id, on: db)).stamps
            let read = try await HouseholdStore.factStamp(of: both, on: db.sql)
            #expect(read != "0:0")
            #expect(HouseholdStore.factStamp(of: both, from: known) == read)
            #expect(HouseholdStore.factStamp(of: [], from: known) == "0:0")
            #expect(
                HouseholdStore.factStamp(of: [f.network.id, elsewhere.id], from: known) == nil,
                "no role in the other network: its stamp was not read with the session")
        }
    }

    @Test("An API token's user comes with the same stamps", arguments: TestDatabases.backends)
    func throughToken(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            _ = try await db.write {
                try await HouseholdStore.create(
                    network: f.network.id, reference: "HH-T", actor: f.actor(f.director, .networkDirector), on: $0)
            }
            _ = try await db.write {
                try await ApiTokenStore.insert(
                    user: f.director.id, name: "Koppeling", hash: "st", prefix: "rg_s", on: $0)
            }
            let user = try #require(try await ApiTokenStore.active(hash: "st", on: db.sql)?.user)
            let stamp = try await HouseholdStore.factStamp(of: [f.network.id], on: db.sql)
            #expect(user.stamps[f.network.id]?.stamp == stamp && stamp != "0:0")
        }
    }
}
