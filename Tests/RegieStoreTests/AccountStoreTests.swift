import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@Suite("Organisations, networks and users in the store")
struct AccountStoreTests {
    @Test("Records round-trip and unique values are refused", arguments: TestDatabases.backends)
    func roundTrip(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let network = try #require(try await NetworkStore.find(f.network.id, on: db.sql))
            #expect(network.neighbourhoods == ["Noord", "Zuid"] && network.profileCode == "enschede")
            #expect(try await NetworkStore.members(of: f.network.id, on: db.sql).first?.partnerType == .core)
            let user = try #require(try await UserStore.find(f.director.id, on: db.sql))
            #expect(user.email == f.director.email && user.active && !user.totpEnabled)
            #expect(
                try await UserStore.roles(of: f.director.id, on: db.sql)
                    == [RoleAssignment(role: .networkDirector, network: f.network.id)])
            await #expect(throws: StoreError.duplicate(field: "email")) {
                try await db.write { tx in
                    try await UserStore.insert(
                        UserAccount(
                            name: "Dubbel", email: f.director.email.uppercased(), organisation: f.organisation.id),
                        passwordHash: "x", on: tx)
                }
            }
            await #expect(throws: StoreError.duplicate(field: "name")) {
                try await db.write { tx in
                    try await OrganisationStore.insert(Organisation(name: f.organisation.name, kind: .police), on: tx)
                }
            }
        }
    }

    @Test(
        "A session comes with its user, organisation and every role in one read; people by any of their roles",
        arguments: TestDatabases.backends)
    func withRoles(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let roles: Set<RoleAssignment> = [
                RoleAssignment(role: .networkDirector, network: f.network.id),
                RoleAssignment(role: .caseDirector, network: f.network.id),
                RoleAssignment(role: .administrator, network: nil),
            ]
            try await db.write { tx in try await UserStore.setRoles(f.director.id, roles, on: tx) }
            let director = try #require(try await Fixture.throughSession(f.director.id, on: db))
            #expect(director.user.email == f.director.email && director.organisationName == f.organisation.name)
            #expect(director.roles == roles && director.unread == 0)
            try await db.write { tx in try await UserStore.setRoles(f.partner.id, [], on: tx) }
            let partner = try #require(try await Fixture.throughSession(f.partner.id, on: db))
            #expect(partner.roles.isEmpty && partner.user.id == f.partner.id)
            #expect(
                try await Fixture.throughSession(UserID(rawValue: UUID().uuidString), on: db) == nil,
                "a session whose user is gone still reads, without a user")
            let held = try await UserStore.users(
                withAnyOf: [.networkDirector, .caseDirector, .partnerWorker], in: f.network.id, on: db.sql)
            #expect(held.map(\.user.id) == [f.director.id, f.director.id])
            #expect(Set(held.map(\.role)) == [.networkDirector, .caseDirector])
            #expect(
                try await UserStore.users(with: .caseDirector, in: f.network.id, on: db.sql).map(\.id) == [
                    f.director.id
                ])
        }
    }

    @Test("A failed transaction leaves nothing behind", arguments: TestDatabases.backends)
    func atomic(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            _ = try? await db.write { tx in
                try await OrganisationStore.insert(Organisation(name: "Halverwege", kind: .school), on: tx)
                try await OrganisationStore.insert(Organisation(name: f.organisation.name, kind: .school), on: tx)
            }
            #expect(try await OrganisationStore.find(name: "Halverwege", on: db.sql) == nil)
        }
    }

    @Test("Losing a role, a new password or deactivation ends the user's sessions", arguments: TestDatabases.backends)
    func sessionsEnd(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            func epoch() async throws -> Int { try await UserStore.find(f.partner.id, on: db.sql)!.authEpoch }
            let start = try await epoch()
            let more: Set<RoleAssignment> = [
                RoleAssignment(role: .partnerWorker, network: f.network.id),
                RoleAssignment(role: .supportStaff, network: f.network.id),
            ]
            try await db.write { try await UserStore.setRoles(f.partner.id, more, on: $0) }
            #expect(try await epoch() == start, "gaining a role keeps sessions")
            try await db.write { try await UserStore.setRoles(f.partner.id, [], on: $0) }
            #expect(try await epoch() == start + 1)
            try await db.write { try await UserStore.setPassword(f.partner.id, hash: "y", on: $0) }
            #expect(try await epoch() == start + 2)
            var user = try #require(try await UserStore.find(f.partner.id, on: db.sql))
            user.active = false
            let inactive = user
            try await db.write { try await UserStore.update(inactive, on: $0) }
            #expect(try await epoch() == start + 3)
        }
    }

    @Test("Failed logins lock the account at the threshold", arguments: TestDatabases.backends)
    func lockout(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let until = Date().addingTimeInterval(900)
            for attempt in 1...3 {
                let locked = try await db.write {
                    try await UserStore.recordFailedLogin(f.partner.id, lockAfter: 3, lockUntil: until, on: $0)
                }
                #expect(locked == (attempt == 3))
            }
            let user = try #require(try await UserStore.find(f.partner.id, on: db.sql))
            #expect(abs(user.lockedUntil!.timeIntervalSince(until)) < 1)
            try await db.write { try await UserStore.unlock(f.partner.id, on: $0) }
            #expect(try await UserStore.find(f.partner.id, on: db.sql)?.lockedUntil == nil)
        }
    }

    @Test("API tokens are found by hash until revoked", arguments: TestDatabases.backends)
    func tokens(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let token = try await db.write {
                try await ApiTokenStore.insert(
                    user: f.partner.id, name: "Koppeling", hash: "abc", prefix: "rg_x", on: $0)
            }
            let active = try #require(try await ApiTokenStore.active(hash: "abc", on: db.sql))
            #expect(active.token.id == token.id)
            #expect(active.user?.user.id == f.partner.id, "the token's user comes with it")
            #expect(try await db.write { try await ApiTokenStore.revoke(token.id, of: f.director.id, on: $0) } == false)
            #expect(try await db.write { try await ApiTokenStore.revoke(token.id, of: f.partner.id, on: $0) })
            #expect(try await ApiTokenStore.active(hash: "abc", on: db.sql) == nil)
        }
    }

    @Test("Sessions are stored by hash, expire and are purged", arguments: TestDatabases.backends)
    func sessions(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            try await db.write {
                try await SessionStore.set(keyHash: "k1", data: "{}", expiresAt: Date().addingTimeInterval(60), on: $0)
            }
            #expect(try await SessionStore.get(keyHash: "k1", on: db.sql)?.user == nil, "data without a user")
            try await db.write { try await SessionStore.set(keyHash: "k1", data: "{\"a\":1}", expiresAt: nil, on: $0) }
            let stored = try #require(try await SessionStore.get(keyHash: "k1", on: db.sql))
            #expect(stored.data == "{\"a\":1}" && stored.expiresAt != nil)
            try await db.write {
                try await SessionStore.set(keyHash: "old", data: "{}", expiresAt: Date().addingTimeInterval(-1), on: $0)
            }
            #expect(try await SessionStore.get(keyHash: "old", on: db.sql) == nil)
            #expect(try await db.write { try await SessionStore.purgeExpired(on: $0) } == 1)
        }
    }
}
