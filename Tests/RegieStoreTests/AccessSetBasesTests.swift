import Foundation
import RegieCore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieStore

/// A list's set that differs by a few households from a set stored in full is stored as that difference; read by
/// household, the log is what it would have been with every set in full.
@Suite("Access sets stored as differences")
struct AccessSetBasesTests {
    private static func ids(_ numbers: some Sequence<Int>) -> [HouseholdID] {
        numbers.map { HouseholdID(rawValue: String(format: "h%02d", $0)) }
    }

    @Test("The difference of two sorted sets: what one adds and leaves out, or nothing past the limit")
    func difference() {
        let base = AccessSetBases.Base(id: "b", members: Self.ids(0..<10))
        let moved = AccessSetBases.difference(of: Self.ids(1..<11), from: base, limit: 2)
        #expect(moved == AccessSetBases.Difference(base: "b", added: Self.ids([10]), removed: Self.ids([0])))
        #expect(AccessSetBases.difference(of: Self.ids(1..<11), from: base, limit: 1) == nil)
        let inside = AccessSetBases.difference(of: Self.ids([0, 1, 2, 4, 5, 6, 7, 8, 9, 12]), from: base, limit: 5)
        #expect(inside == AccessSetBases.Difference(base: "b", added: Self.ids([12]), removed: Self.ids([3])))
    }

    @Test("A set stored in full becomes a base only once committed; a near set of its family is then a difference")
    func decisions() {
        let bases = AccessSetBases()
        #expect(bases.decide("a", members: Self.ids(0..<12), family: "u n view") == nil)
        #expect(bases.decide("b", members: Self.ids(1..<13), family: "u n view") == nil, "a is not committed yet")
        bases.committed(["a"])
        let near = bases.decide("c", members: Self.ids(1..<13), family: "u n view")
        #expect(near == AccessSetBases.Difference(base: "a", added: Self.ids([12]), removed: Self.ids([0])))
        #expect(bases.decide("d", members: Self.ids(1..<13), family: "u n export") == nil, "another family")
        #expect(bases.decide("e", members: Self.ids(6..<18), family: "u n view") == nil, "half of it changed")
        // c, decided as a difference, never becomes a base; b was found stored by another server meanwhile.
        bases.forget(["b"])
        bases.committed(["b", "c"])
        #expect(bases.decide("f", members: Self.ids(1..<13), family: "u n view")?.base == "a")
    }

    @Test("The nearest of a family's bases is taken, and a family keeps its newest four")
    func nearestAndNewest() {
        let bases = AccessSetBases()
        for (id, start) in [("a", 0), ("b", 20), ("c", 40), ("d", 60), ("e", 80)] {
            _ = bases.decide(id, members: Self.ids(start..<start + 12), family: "f")
            bases.committed([id])
        }
        #expect(bases.decide("x", members: Self.ids(41..<53), family: "f")?.base == "c")
        #expect(bases.decide("y", members: Self.ids(1..<13), family: "f") == nil, "a, the oldest, was let go")
    }

    @Test(
        "A list with one household in and one out stores three rows; each household's log shows exactly its views",
        arguments: TestDatabases.backends)
    func stored(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let (director, contexts) = try await Self.households(12, on: db)
            let first = AccessGuard.decide(director, .viewProcess, contexts: Array(contexts[0..<10]))
            let second = AccessGuard.decide(director, .viewProcess, contexts: Array(contexts[1..<11]))
            try await AccessGuard.record(first, requestID: "eerste", database: db)
            try await AccessGuard.record(second, requestID: "tweede", database: db)
            #expect(try await Self.count("access_sets", db) == 10)
            #expect(try await Self.count("access_set_bases", db) == 1)
            #expect(try await Self.count("access_set_changes", db) == 2)
            for (index, context) in contexts.enumerated() {
                let log = try await AccessLogStore.entries(household: context.household, on: db.sql)
                let expected: Set<String> =
                    switch index {
                    case 0: ["eerste"]
                    case 1..<10: ["eerste", "tweede"]
                    case 10: ["tweede"]
                    default: []
                    }
                #expect(Set(log.compactMap(\.requestId)) == expected, "household \(index)")
                #expect(log.count == expected.count, "household \(index): one row per view")
            }
            await #expect(throws: (any Error).self, "differences are evidence: never changed") {
                try await db.write { tx in try await tx.raw("DELETE FROM access_set_changes").run() }
            }
        }
    }

    @Test(
        "A set two servers stored at once — in full, or from another base — still reads as its own households once",
        arguments: TestDatabases.backends)
    func racing(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let (director, contexts) = try await Self.households(14, on: db)
            try await AccessGuard.record(
                AccessGuard.decide(director, .viewProcess, contexts: Array(contexts[0..<10])), requestID: "basis",
                database: db)
            let list = AccessLogList(AccessGuard.decide(director, .viewProcess, contexts: Array(contexts[1..<11])))
            let sets = AccessLogSets(list: list, at: Date(), requestID: "racend")
            let (id, members) = try #require(sets.sets.first)
            // This server stores the set as a difference from the first list ...
            let bases = AccessSetBases()
            let baseMembers = contexts[0..<10].map(\.household)
            let base = AccessLogSets.setID(baseMembers)
            #expect(bases.decide(base, members: baseMembers, family: try #require(sets.families[id])) == nil)
            bases.committed([base])
            try await db.write { tx in
                try await AccessLogStore.rows(of: sets, stored: nil, bases: bases, on: tx).insert(on: tx)
            }
            #expect(try await Self.count("access_set_bases", db) == 1)
            #expect(try await Self.count("access_set_changes", db) == 2)
            // ... while another stored it from another base (its change rows stay, its base row lost) and a third
            // in full.
            try await db.write { tx in
                for household in [contexts[12].household, contexts[13].household] {
                    try await tx.insert(into: "access_set_changes").columns(
                        "set_id", "base_id", "household_id", "added"
                    )
                    .values(SQLBind(id), SQLBind("een-andere-basis"), SQLBind(household.rawValue), SQLBind(true))
                    .run()
                }
            }
            try await Self.expectLog(of: contexts, shows: 1..<11, on: db)
            try await db.write { tx in
                for household in members {
                    try await tx.insert(into: "access_sets").columns("set_id", "household_id")
                        .values(SQLBind(id), SQLBind(household.rawValue)).run()
                }
            }
            try await Self.expectLog(of: contexts, shows: 1..<11, on: db)
        }
    }

    /// Each household's log names the racing list once when it is among `shown`, and never otherwise.
    private static func expectLog(
        of contexts: [HouseholdAccessContext], shows shown: Range<Int>, on db: RegieDatabase
    ) async throws {
        for (index, context) in contexts.enumerated() {
            let log = try await AccessLogStore.entries(household: context.household, on: db.sql)
            #expect(log.filter { $0.requestId == "racend" }.count == (shown.contains(index) ? 1 : 0), "\(index)")
        }
    }

    /// `number` households of a fresh network and its director, with their access contexts, sorted by id.
    private static func households(_ number: Int, on db: RegieDatabase) async throws
        -> (AccessActor, [HouseholdAccessContext])
    {
        let f = try await Fixture.make(on: db)
        let director = f.actor(f.director, .networkDirector)
        let households = try await db.write { tx in
            var made: [HouseholdID] = []
            for index in 0..<number {
                made.append(
                    try await HouseholdStore.create(
                        network: f.network.id, reference: "VERSCHIL-\(index)", actor: director, on: tx))
            }
            return made
        }
        var contexts: [HouseholdAccessContext] = []
        for household in households.sorted(by: { $0.rawValue < $1.rawValue }) {
            contexts.append(try #require(try await HouseholdStore.accessContext(household, on: db.sql)))
        }
        return (director, contexts)
    }

    private static func count(_ table: String, _ db: RegieDatabase) async throws -> Int {
        try await db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()!
            .decode(column: "n", as: Int.self)
    }
}
