import Foundation
import RegieCore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieStore

/// A list page seen again names a household set already stored; the server remembers the sets it saw committed.
@Suite("Stored access sets")
struct StoredAccessSetsTests {
    @Test("A set is known once remembered; past the capacity the memory starts again")
    func memory() {
        let stored = StoredAccessSets()
        #expect(!stored.contains("a"))
        stored.remember(["a", "b"])
        #expect(stored.contains("a") && stored.contains("b") && !stored.contains("c"))
        stored.remember((0...StoredAccessSets.capacity).map { "set-\($0)" })
        #expect(!stored.contains("a"), "forgetting costs a question to the database, never a wrong answer")
    }

    @Test(
        "A list logged again, by the same server or another, keeps every household of its set in the log",
        arguments: TestDatabases.backends)
    func listAgain(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let director = f.actor(f.director, .networkDirector)
            let households = try await db.write { tx in
                [
                    try await HouseholdStore.create(network: f.network.id, reference: "SA-1", actor: director, on: tx),
                    try await HouseholdStore.create(network: f.network.id, reference: "SA-2", actor: director, on: tx),
                ]
            }
            var grants: [AccessGrant] = []
            for household in households {
                grants.append(
                    try await AccessGuard.authorize(
                        director, .viewContent, household: household, requestID: nil, database: db))
            }
            let list = AccessLogList(grants)
            for request in ["eerste", "tweede"] {
                try await AccessGuard.record(list, requestID: request, database: db)
            }
            // A second server on the same database has not seen the set and asks for it.
            let other = try await RegieDatabase.open(db.location)
            try await AccessGuard.record(list, requestID: "derde", database: other)
            await other.shutdown()
            for household in households {
                let requests = try await AccessLogStore.entries(household: household, on: db.sql)
                    .compactMap(\.requestId).filter { ["eerste", "tweede", "derde"].contains($0) }
                #expect(requests.sorted() == ["derde", "eerste", "tweede"])
            }
        }
    }
}
