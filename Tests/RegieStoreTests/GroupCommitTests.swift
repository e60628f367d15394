import Foundation
import RegieCore
import RegieTestSupport
import SQLKit
import Synchronization
import Testing

@testable import RegieStore

@Suite("Group commit of simultaneous writes")
struct GroupCommitTests {
    @Test(
        "Submissions that arrive while a write runs share the next transaction, each answered after its commit",
        arguments: TestDatabases.backends)
    func shared(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let probe = try await Probe(db)
            let seen = try await withThrowingTaskGroup(of: Int?.self) { group in
                group.addTask { try await probe.write("eerste") }
                try await probe.untilWriting()
                for index in 0..<19 {
                    // Ten plain items and nine writes arrive while the first transaction runs.
                    group.addTask {
                        guard index % 2 == 1 else {
                            try await probe.store("item-\(index)")
                            return nil
                        }
                        return try await probe.write("schrijf-\(index)")
                    }
                }
                try await probe.until { await probe.commit.waiting == 19 }
                await probe.open()
                return try await group.reduce(into: [Int]()) { seen, before in before.map { seen.append($0) } }
            }
            #expect(await probe.recorder.batchSizes == [1, 19])
            // Each write got its own answer and saw what came before it: the ten items stored together first, then
            // the writes one after the other.
            #expect(seen.sorted() == [0] + Array(11..<20))
            #expect(try await probe.stored().count == 20)
        }
    }

    @Test(
        "A submission that fails costs only itself when it shared a transaction with others",
        arguments: TestDatabases.backends)
    func failureStaysAlone(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let probe = try await Probe(db)
            let failed = try await withThrowingTaskGroup(of: String?.self) { group in
                group.addTask {
                    try await probe.store("a")
                    return nil
                }
                try await probe.untilWriting()
                // "a" again breaks the primary key: that submission fails, "b" and "c" of the same batch are kept.
                for item in ["b", "a", "c"] {
                    group.addTask {
                        do {
                            try await probe.store(item)
                            return nil
                        } catch {
                            return item
                        }
                    }
                }
                try await probe.until { await probe.commit.waiting == 3 }
                await probe.open()
                return try await group.reduce(into: [String]()) { failed, item in item.map { failed.append($0) } }
            }
            #expect(failed == ["a"])
            #expect(try await probe.stored() == ["a", "b", "c"])
            // The shared attempt rolled back; then each was tried alone.
            #expect(await probe.recorder.batchSizes == [1, 3, 1, 1, 1])
        }
    }

    @Test(
        "New records of simultaneous submissions go in together; a value in use, or taken earlier in the batch, is drawn again",
        arguments: TestDatabases.backends)
    func records(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let probe = try await Probe(db)
            let drawn = try await withThrowingTaskGroup(of: String?.self) { group in
                group.addTask {
                    try await probe.store("a")
                    return nil
                }
                try await probe.untilWriting()
                // One after the other, so their order in the batch is known: "a" is stored already, and the third
                // draws the "c" the second took.
                for (index, draws) in [["a", "x"], ["c", "e"], ["c", "d"]].enumerated() {
                    group.addTask { try await probe.record(drawing: draws) }
                    try await probe.until { await probe.commit.waiting == index + 1 }
                }
                await probe.open()
                return try await group.reduce(into: [String]()) { drawn, value in value.map { drawn.append($0) } }
            }
            #expect(drawn.sorted() == ["c", "d", "x"])
            #expect(try await probe.stored() == ["a", "c", "d", "x"])
            #expect(await probe.recorder.batchSizes == [1, 3])
        }
    }

    /// On PostgreSQL a batch of items that one statement stores needs no transaction around it. PostgreSQL refuses a
    /// savepoint outside a transaction, which tells the two apart.
    @Test("Items that may go alone are stored without a transaction; only committed items are told")
    func alone() async throws {
        guard TestDatabases.backends.contains(.postgres) else { return }
        try await TestDatabases.with(.postgres) { db in
            let table = "group_alone_\(UUID().uuidString.prefix(8).lowercased())"
            try await db.write { try await $0.raw("CREATE TABLE \(unsafeRaw: table) (item TEXT PRIMARY KEY)").run() }
            let told = Told()
            let commit = GroupCommit<String>(
                persist: { items, db in
                    struct Failure: Error {}
                    if items.contains("kapot") { throw Failure() }
                    var alone = false
                    do {
                        try await db.raw("SAVEPOINT probe").run()
                        try await db.raw("RELEASE SAVEPOINT probe").run()
                    } catch {
                        alone = true
                    }
                    var rows = NewRecords()
                    for item in items {
                        rows.add(table, columns: ["item"], values: [SQLBind("\(item):\(alone ? "los" : "samen")")])
                    }
                    return rows
                },
                committed: { items in told.add(items) },
                alone: { items in items.allSatisfy { $0.hasPrefix("los") } })
            try await commit.submit(["los-1"], to: db)
            try await commit.submit(["samen-1"], to: db)
            await #expect(throws: (any Error).self) { try await commit.submit(["kapot"], to: db) }
            let stored = try await db.sql.select().column("item").from(table).orderBy("item").all()
                .map { try $0.decode(column: "item", as: String.self) }
            #expect(stored == ["los-1:los", "samen-1:samen"])
            #expect(told.items == ["los-1", "samen-1"], "a batch that failed is not told committed")
        }
    }

    @Test("Many pages logging at once: every access-log entry is stored", arguments: TestDatabases.backends)
    func accessLog(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let director = f.actor(f.director, .networkDirector)
            let household = try await db.write {
                try await HouseholdStore.create(network: f.network.id, reference: "HH-G", actor: director, on: $0)
            }
            let grant = try await AccessGuard.authorize(
                director, .viewContent, household: household, requestID: "eerste", database: db)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        try await AccessGuard.record(
                            [grant, grant, grant], requestID: "lijst-\(index)", database: db)
                    }
                }
                try await group.waitForAll()
            }
            let log = try await AccessLogStore.entries(household: household, on: db.sql)
            // A household a list shows three times was seen once by that request: one entry per request.
            #expect(log.count == 1 + 40)
            #expect(Set(log.compactMap(\.requestId)).count == 41)
        }
    }
}

/// A group commit over a table of its own whose first transaction waits for the test to let it through, so that the
/// test decides what arrives while a transaction runs.
private final class Probe: Sendable {
    let commit: GroupCommit<String>
    let recorder = Recorder()
    private let database: RegieDatabase
    private let table = "group_commit_\(UUID().uuidString.prefix(8).lowercased())"

    init(_ database: RegieDatabase) async throws {
        self.database = database
        let table = self.table
        try await database.write { try await $0.raw("CREATE TABLE \(unsafeRaw: table) (item TEXT PRIMARY KEY)").run() }
        let recorder = self.recorder
        commit = GroupCommit(
            persist: { items, _ in
                var rows = NewRecords()
                for item in items { rows.add(table, columns: ["item"], values: [SQLBind(item)]) }
                return rows
            },
            observe: { count in await recorder.written(count) })
    }

    /// Stores `item` as an item, merged with the other items of its transaction.
    func store(_ item: String) async throws {
        try await commit.submit([item], to: database)
    }

    /// Stores `item` by a write of its own; answers how many rows the transaction had stored before it.
    @discardableResult
    func write(_ item: String) async throws -> Int {
        let table = self.table
        return try await commit.submit(
            { db in
                let before =
                    try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                    .from(table).first()?.decode(column: "n", as: Int.self) ?? 0
                try await db.insert(into: table).columns("item").values(SQLBind(item)).run()
                return before
            }, to: database)
    }

    /// Stores, as a new record, the first of `draws` not in use; answers the one stored.
    func record(drawing draws: [String]) async throws -> String {
        let (table, next) = (self.table, Draws(draws))
        return try await commit.submit(
            [],
            records: {
                let value = next.take()
                var records = NewRecords()
                records.add(table, columns: ["item"], values: [SQLBind(value)])
                records.requireUnused(value, in: table, column: "item")
                return (records, value)
            }, to: database)
    }

    /// Lets the first write go on.
    func open() async { await recorder.open() }

    /// Waits until the first write is inside its transaction.
    func untilWriting() async throws {
        try await until { await self.recorder.held }
    }

    /// Polls `condition` for up to ten seconds.
    func until(_ condition: @Sendable () async -> Bool) async throws {
        for _ in 0..<10_000 {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(1))
        }
        Issue.record("condition not met within ten seconds")
    }

    func stored() async throws -> [String] {
        struct Row: Decodable { let item: String }
        return try await database.sql.select().column("item").from(table).orderBy("item").all(decoding: Row.self)
            .map(\.item)
    }
}

/// The sizes of the batches written, holding the first until `open`.
private actor Recorder {
    private(set) var batchSizes: [Int] = []
    private var gate: CheckedContinuation<Void, Never>?
    private var opened = false

    var held: Bool { gate != nil }

    func written(_ count: Int) async {
        batchSizes.append(count)
        guard batchSizes.count == 1, !opened else { return }
        await withCheckedContinuation { gate = $0 }
    }

    func open() {
        opened = true
        gate?.resume()
        gate = nil
    }
}

/// The items a group commit told committed.
private final class Told: Sendable {
    private let box = Mutex<[String]>([])
    var items: [String] { box.withLock { $0 } }
    func add(_ items: [String]) { box.withLock { $0 += items } }
}
