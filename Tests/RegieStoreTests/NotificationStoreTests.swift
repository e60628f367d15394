import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@Suite("Notifications: told once per key, e-mails claimed by one sender, retried, then given up")
struct NotificationStoreTests {
    @Test("A dedupe key tells each user once; reading marks them read", arguments: TestDatabases.backends)
    func once(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let fixture = try await Fixture.make(on: db)
            let users: Set<UserID> = [fixture.director.id, fixture.partner.id]
            for expected in [2, 0] {
                let added = try await db.write { tx in
                    try await NotificationStore.notify(
                        users, .deviation, about: nil, network: fixture.network.id, reference: "R-1", link: "/",
                        key: "deviation:1", emailing: true, on: tx)
                }
                #expect(added == expected)
            }
            #expect(try await NotificationStore.unread(for: fixture.director.id, on: db.sql) == 1)
            try await db.write { tx in try await NotificationStore.markRead(nil, for: fixture.director.id, on: tx) }
            #expect(try await NotificationStore.unread(for: fixture.director.id, on: db.sql) == 0)
            #expect(try await NotificationStore.unread(for: fixture.partner.id, on: db.sql) == 1)
        }
    }

    @Test(
        "An e-mail is claimed by one sender only; a failure goes back in the queue, five failures give up",
        arguments: TestDatabases.backends)
    func claims(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let fixture = try await Fixture.make(on: db)
            try await db.write { tx in
                try await NotificationStore.notify(
                    [fixture.partner.id], .caseClosed, about: nil, network: fixture.network.id, reference: "R-2",
                    link: "/", key: "closed:1", emailing: true, on: tx)
            }
            let first = try await db.write { tx in try await NotificationStore.claimEmails(on: tx) }
            let second = try await db.write { tx in try await NotificationStore.claimEmails(on: tx) }
            #expect(first.map(\.address) == [fixture.partner.email] && second.isEmpty)
            let stale = try await db.write { tx in
                try await NotificationStore.claimEmails(at: Date().addingTimeInterval(3600), on: tx)
            }
            #expect(stale.count == 1, "a claim of a crashed sender is taken again")
            for _ in 0..<5 {
                try await db.write { tx in try await NotificationStore.finishEmail(first[0].id, sent: false, on: tx) }
            }
            #expect(try await db.write { tx in try await NotificationStore.claimEmails(on: tx) }.isEmpty, "given up")
        }
    }
}
