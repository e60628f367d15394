import Foundation
import RegieCore
import RegieStore
import Testing

/// A small network with one organisation and users, shared by the store tests.
struct Fixture {
    let organisation: Organisation
    let network: Network
    let director: UserAccount
    let partner: UserAccount

    static func make(on db: RegieDatabase) async throws -> Fixture {
        let organisation = Organisation(name: "GGD Test \(UUID().uuidString.prefix(6))", kind: .ggd)
        let network = Network(
            name: "Netwerk \(UUID().uuidString.prefix(6))", municipality: "Teststad",
            neighbourhoods: ["Noord", "Zuid"], profileCode: "enschede")
        let director = UserAccount(
            name: "Dirk Directeur", email: "dirk\(UUID().uuidString.prefix(4).lowercased())@test.nl",
            organisation: organisation.id)
        let partner = UserAccount(
            name: "Petra Partner", email: "petra\(UUID().uuidString.prefix(4).lowercased())@test.nl",
            organisation: organisation.id)
        try await db.write { tx in
            try await OrganisationStore.insert(organisation, on: tx)
            try await NetworkStore.insert(network, on: tx)
            try await NetworkStore.setMember(
                NetworkMember(network: network.id, organisation: organisation.id, partnerType: .core), on: tx)
            try await UserStore.insert(director, passwordHash: "x", on: tx)
            try await UserStore.insert(partner, passwordHash: "x", on: tx)
            try await UserStore.setRoles(
                director.id, [RoleAssignment(role: .networkDirector, network: network.id)], on: tx)
            try await UserStore.setRoles(
                partner.id, [RoleAssignment(role: .partnerWorker, network: network.id)], on: tx)
        }
        return Fixture(organisation: organisation, network: network, director: director, partner: partner)
    }

    /// Another network, named afresh and not stored yet, of the fixture's profile.
    static func anotherNetwork() -> Network {
        Network(name: "Netwerk \(UUID().uuidString.prefix(6))", municipality: "Teststad", profileCode: "enschede")
    }

    /// The user a session names, as a request reads it with the session.
    static func throughSession(_ user: UserID, on db: RegieDatabase) async throws -> UserStore.SignedIn? {
        let key = "session-of-\(user.rawValue)"
        try await db.write { tx in
            try await SessionStore.set(
                keyHash: key, data: "{\"\(SessionStore.userField)\":\"\(user.rawValue)\",\"epoch\":0}", expiresAt: nil,
                on: tx)
        }
        return try #require(try await SessionStore.get(keyHash: key, on: db.sql)).user
    }

    func actor(_ user: UserAccount, _ role: Role) -> AccessActor {
        AccessActor(
            user: user.id, organisation: user.organisation,
            assignments: [RoleAssignment(role: role, network: network.id)])
    }
}
