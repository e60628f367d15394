import Foundation
import RegieCore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieStore

@Suite("A network's fact versions, read again only where they changed")
struct NetworkFactVersionsTests {
    /// Every household of the network with its version, as the plain read gives them.
    static func whole(_ network: NetworkID, _ db: RegieDatabase) async throws -> [HouseholdID: Int64] {
        Dictionary(
            uniqueKeysWithValues: try await db.sql.select().column("id").column("fact_version").from("households")
                .where("network_id", .equal, SQLBind(network.rawValue)).all()
                .map {
                    (
                        HouseholdID(rawValue: try $0.decode(column: "id", as: String.self)),
                        try $0.decode(column: "fact_version", as: Int64.self)
                    )
                })
    }

    static func asDictionary(_ read: NetworkFactVersions) -> [HouseholdID: Int64] {
        Dictionary(uniqueKeysWithValues: read.versions.map { ($0, $1) })
    }

    /// `count` new households of the fixture's network, referenced `prefix-0`, `prefix-1`, …
    static func households(_ count: Int, _ prefix: String, _ f: Fixture, _ db: RegieDatabase) async throws
        -> [HouseholdID]
    {
        let director = f.actor(f.director, .networkDirector)
        return try await db.write { tx in
            var made: [HouseholdID] = []
            for number in 0..<count {
                made.append(
                    try await HouseholdStore.create(
                        network: f.network.id, reference: "\(prefix)-\(number)", actor: director, on: tx))
            }
            return made
        }
    }

    @Test(
        "A change or a new household is read alone, the merge makes up the network's stamp, other networks stay out",
        arguments: TestDatabases.backends)
    func incremental(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let director = f.actor(f.director, .networkDirector)
            let other = Network(name: "Ander netwerk", municipality: "Teststad", profileCode: "enschede")
            try await db.write { tx in try await NetworkStore.insert(other, on: tx) }
            let households = try await Self.households(5, "NF", f, db)
            let first = try await NetworkFactVersions.read(f.network.id, after: nil, on: db.sql)
            #expect(Self.asDictionary(first) == (try await Self.whole(f.network.id, db)))
            #expect(first.stamp == (try await HouseholdStore.factStamp(of: [f.network.id], on: db.sql)))
            #expect(
                first.versions.map(\.household).sorted(by: { $0.rawValue < $1.rawValue })
                    == households.sorted(by: { $0.rawValue < $1.rawValue }))

            // Nothing changed: nothing is read but the totals.
            #expect(try await NetworkFactVersions.changes(in: f.network.id, after: first.mark, on: db.sql).rows.isEmpty)

            let added = try await db.write { tx in
                try await HouseholdStore.touch(households[2], on: tx)
                _ = try await HouseholdStore.create(
                    network: other.id, reference: "NF-ander", actor: director, on: tx)
                return try await HouseholdStore.create(
                    network: f.network.id, reference: "NF-nieuw", actor: director, on: tx)
            }
            let changes = try await NetworkFactVersions.changes(in: f.network.id, after: first.mark, on: db.sql)
            #expect(Set(changes.rows.map(\.household)) == [households[2], added], "only what changed, in this network")
            let second = try await NetworkFactVersions.read(f.network.id, after: first, on: db.sql)
            #expect(Self.asDictionary(second) == (try await Self.whole(f.network.id, db)))
            #expect(second.stamp == (try await HouseholdStore.factStamp(of: [f.network.id], on: db.sql)))
            #expect(second.versions.prefix(5).map(\.household) == first.versions.map(\.household), "places stay")
            #expect(second.versions.last?.household == added)
        }
    }

    @Test(
        "A change whose mark is below one already read is not lost: the merge does not add up and all is read again",
        arguments: TestDatabases.backends)
    func missedMark(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let director = f.actor(f.director, .networkDirector)
            let households = try await db.write { tx in
                [
                    try await HouseholdStore.create(network: f.network.id, reference: "NM-1", actor: director, on: tx),
                    try await HouseholdStore.create(network: f.network.id, reference: "NM-2", actor: director, on: tx),
                ]
            }
            let first = try await NetworkFactVersions.read(f.network.id, after: nil, on: db.sql)
            // As on PostgreSQL when a writer commits after a later mark was read: the change carries an old mark.
            try await db.write { tx in
                try await HouseholdStore.touch(households[0], changes: 3, on: tx)
                try await tx.update("households").set("fact_changed", to: SQLBind(0))
                    .where("id", .equal, SQLBind(households[0].rawValue)).run()
            }
            #expect(try await NetworkFactVersions.changes(in: f.network.id, after: first.mark, on: db.sql).rows.isEmpty)
            let second = try await NetworkFactVersions.read(f.network.id, after: first, on: db.sql)
            #expect(Self.asDictionary(second) == (try await Self.whole(f.network.id, db)))
            #expect(Self.asDictionary(second)[households[0]] == Self.asDictionary(first)[households[0]].map { $0 + 3 })
        }
    }

    @Test(
        "What changed since an earlier reading is the households merged since; a reading not in the line answers nil",
        arguments: TestDatabases.backends)
    func changedSince(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let director = f.actor(f.director, .networkDirector)
            let households = try await Self.households(4, "NC", f, db)
            let first = try await NetworkFactVersions.read(f.network.id, after: nil, on: db.sql)
            #expect(first.changed(since: first.reading) == [])
            try await db.write { tx in try await HouseholdStore.touch(households[1], on: tx) }
            let second = try await NetworkFactVersions.read(f.network.id, after: first, on: db.sql)
            let added = try await db.write { tx in
                try await HouseholdStore.touch(households[3], on: tx)
                return try await HouseholdStore.create(
                    network: f.network.id, reference: "NC-nieuw", actor: director, on: tx)
            }
            let third = try await NetworkFactVersions.read(f.network.id, after: second, on: db.sql)
            #expect(second.changed(since: first.reading) == [households[1]])
            #expect(third.changed(since: second.reading) == [households[3], added])
            #expect(third.changed(since: first.reading) == [households[1], households[3], added])
            #expect(third.position(of: added) == 4, "a new household comes last")
            #expect(third.added([added], since: second.reading), "added after the second reading")
            #expect(!third.added([added, households[3]], since: second.reading), "one of them was there before")
            #expect(!third.added([added], since: third.reading), "there already at the third")
            #expect(!third.added([households[1]], since: first.reading))
            #expect(third.added([], since: first.reading), "nothing to drop when nothing changed")

            // Two requests merging the same reading at once each make their own: neither answers for the other.
            let sibling = try await NetworkFactVersions.read(f.network.id, after: second, on: db.sql)
            #expect(third.changed(since: sibling.reading) == nil)
            #expect(sibling.changed(since: third.reading) == nil)
            // A reading of the whole network starts a new line.
            let whole = try await NetworkFactVersions.read(f.network.id, after: nil, on: db.sql)
            #expect(whole.changed(since: third.reading) == nil)
            #expect(!whole.added([added], since: second.reading), "a reading of another line is not known")
        }
    }

    @Test("Only the latest merges are remembered; from an older reading everything is derived anew")
    func remembersLatest() async throws {
        try await TestDatabases.with(.sqlite) { db in
            let f = try await Fixture.make(on: db)
            let director = f.actor(f.director, .networkDirector)
            let household = try await db.write { tx in
                try await HouseholdStore.create(network: f.network.id, reference: "NR-1", actor: director, on: tx)
            }
            let first = try await NetworkFactVersions.read(f.network.id, after: nil, on: db.sql)
            var latest = first
            for _ in 0..<NetworkFactVersions.remembered {
                try await db.write { tx in try await HouseholdStore.touch(household, on: tx) }
                latest = try await NetworkFactVersions.read(f.network.id, after: latest, on: db.sql)
            }
            #expect(latest.changed(since: first.reading) == nil)
        }
    }
}
