import Foundation
import RegieCore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieStore

/// A statement rendered once runs with each call's parameters in the right places, constants kept.
@Suite("Kept statements")
struct KeptStatementTests {
    /// Names `statement` on PostgreSQL.
    enum Sessions {}

    /// Sessions whose key is one parameter or whose data is another (the first used twice), never expired (`true`
    /// is a constant bind, not a parameter).
    private static let statement = KeptStatement<Sessions> { db, parameters in
        db.select().column("key_hash").from("sessions")
            .where("key_hash", .equal, SQLBind(parameters[0]))
            .orWhere("data", .equal, SQLBind(parameters[1]))
            .orWhere(
                SQLBinaryExpression(SQLColumn("key_hash"), .equal, SQLBind(parameters[0])), .and,
                SQLBinaryExpression(SQLBind(true), .equal, SQLBind(true))
            )
            .orderBy("key_hash").query
    }

    @Test("Each run answers for its own parameters, on both databases", arguments: TestDatabases.backends)
    func parameters(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            try await db.write { tx in
                for (key, data) in [("a", "{}"), ("b", "{\"y\":1}"), ("c", "{}")] {
                    try await SessionStore.set(keyHash: key, data: data, expiresAt: nil, on: tx)
                }
            }
            let keys = { (parameters: [String]) in
                try await Self.statement.fetch(parameters, on: db.sql).all()
                    .map { try $0.decode(column: "key_hash", as: String.self) }
            }
            #expect(try await keys(["a", "{\"y\":1}"]) == ["a", "b"])
            #expect(try await keys(["c", "none"]) == ["c"])
            #expect(try await keys(["none", "{}"]) == ["a", "c"])
            #expect(try await keys(["it's", "none"]).isEmpty, "a quote in a parameter is a value, not text")
        }
    }

    /// Names `listed`, on PostgreSQL with the number of its parameters (a text per number).
    enum Listed {}

    /// The sessions whose key is among the parameters.
    private static let listed = KeptStatement<Listed>(forCounts: 1...2) { db, parameters in
        db.select().column("key_hash").from("sessions").where("key_hash", .in, SQLBind.group(parameters))
            .orderBy("key_hash").query
    }

    @Test(
        "A statement over a list of its parameters is kept per number of them, and built afresh past its range",
        arguments: TestDatabases.backends)
    func lists(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            try await db.write { tx in
                for key in ["a", "b", "c"] {
                    try await SessionStore.set(keyHash: key, data: "{}", expiresAt: nil, on: tx)
                }
            }
            let keys = { (parameters: [String]) in
                try await Self.listed.fetch(parameters, on: db.sql).all()
                    .map { try $0.decode(column: "key_hash", as: String.self) }
            }
            #expect(try await keys(["a"]) == ["a"])
            #expect(try await keys(["c"]) == ["c"])
            #expect(try await keys(["b", "a"]) == ["a", "b"])
            #expect(try await keys(["c", "none"]) == ["c"])
            #expect(try await keys(["c", "a", "b"]) == ["a", "b", "c"], "three, past the range: built afresh")
            #expect(try await keys(["b"]) == ["b"])
        }
    }

    @Test(
        "Inside a transaction it sees the transaction's own writes, on both databases",
        arguments: TestDatabases.backends)
    func inTransaction(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let seen = try await db.write { tx in
                try await SessionStore.set(keyHash: "new", data: "{}", expiresAt: nil, on: tx)
                return try await Self.statement.fetch(["new", "none"], on: tx).all()
                    .map { try $0.decode(column: "key_hash", as: String.self) }
            }
            #expect(seen == ["new"], "a kept statement in a transaction runs on the transaction's connection")
        }
    }

    /// PostgreSQL lists a connection's prepared statements to that connection only, so the check runs on a pool of
    /// one. Fails when kept statements run as plain text again.
    @Test("On PostgreSQL it runs prepared, once per connection")
    func prepared() async throws {
        guard TestDatabases.backends.contains(.postgres) else { return }
        try await TestDatabases.with(.postgres) { db in
            try await Self.onOneConnection(of: db) { one in
                struct Prepared: Decodable { let name: String, statement: String }
                for _ in 0..<3 { _ = try await Self.statement.fetch(["a", "b"], on: one.sql).all() }
                let prepared = try await one.sql.raw("SELECT name, statement FROM pg_prepared_statements").all(
                    decoding: Prepared.self)
                #expect(prepared.map(\.name) == [String(reflecting: Sessions.self)])
                #expect(prepared.first?.statement.contains("FROM \"sessions\"") == true)
            }
        }
    }

    /// Each number of parameters has its own text, so its own name; past the range the statement is built afresh
    /// and sent as text. Fails when a list of one and a list of two share a name (PostgreSQL would refuse the
    /// second text) or when the lists run unprepared again.
    @Test("On PostgreSQL a statement over a list is prepared per number of parameters, within its range only")
    func preparedPerCount() async throws {
        guard TestDatabases.backends.contains(.postgres) else { return }
        try await TestDatabases.with(.postgres) { db in
            try await Self.onOneConnection(of: db) { one in
                struct Prepared: Decodable { let name: String, statement: String }
                for parameters in [["a"], ["a", "b"], ["a", "b", "c"], ["b"], ["c", "a"]] {
                    _ = try await Self.listed.fetch(parameters, on: one.sql).all()
                }
                let prepared = try await one.sql.raw("SELECT name, statement FROM pg_prepared_statements ORDER BY name")
                    .all(decoding: Prepared.self)
                let name = String(reflecting: Listed.self)
                #expect(prepared.map(\.name) == ["\(name) 1", "\(name) 2"])
                #expect(prepared.first?.statement.contains("IN ($1)") == true)
                #expect(prepared.last?.statement.contains("IN ($1, $2)") == true)
            }
        }
    }

    /// PostgreSQL plans a prepared statement afresh on every run for as long as its generic plan (made without the
    /// parameters' values) looks costlier than the plans made with them. A statement run on every page must not stay
    /// there: with a bound `true` the worklist's stamp planned a scan of the network's whole access log and was
    /// planned again on each view, the largest share of PostgreSQL's time on that page. A log of some thousands of
    /// ordinary accesses and one break-glass access, with its statistics, is enough to show it. The case page's
    /// joins are kept too: each of them would otherwise be parsed and planned afresh whenever its household changed,
    /// and so are the reads of a list row derived for a changed household and a list's read of what changed, and the
    /// reads of the changed households kept per number of them.
    @Test("On PostgreSQL the kept statements of every page, of the case page and of a list's row keep a generic plan")
    func genericPlans() async throws {
        guard TestDatabases.backends.contains(.postgres) else { return }
        try await TestDatabases.with(.postgres) { db in
            try await db.sql.raw(
                """
                INSERT INTO access_log (id, occurred_at, user_id, organisation_id, network_id, action, allowed, rule,
                    break_glass)
                SELECT 'seen-' || n, n, 'u', 'o', 'n', 'household.read', TRUE, 'care_team', n = 1
                FROM generate_series(1, 5000) AS n
                """
            ).run()
            try await db.sql.raw("ANALYZE access_log").run()
            let f = try await Fixture.make(on: db)
            let director = f.actor(f.director, .networkDirector)
            let household = try await db.write {
                try await HouseholdStore.create(network: f.network.id, reference: "HH-K", actor: director, on: $0)
            }
            let grant = try await AccessGuard.authorize(
                director, .decide, household: household, requestID: nil, database: db)
            try await db.write { tx in
                try await SessionStore.set(
                    keyHash: "k", data: "{\"\(SessionStore.userField)\":\"\(f.director.id.rawValue)\"}", expiresAt: nil,
                    on: tx)
                _ = try await ApiTokenStore.insert(user: f.director.id, name: "K", hash: "t", prefix: "rg_k", on: tx)
            }
            try await Self.onOneConnection(of: db) { one in
                let network = NetworkID(rawValue: "n")
                // More runs than the five custom plans PostgreSQL makes before it weighs the generic one.
                for _ in 0..<7 {
                    _ = try await HouseholdStore.factStampWithWaiting(of: network, on: one.sql)
                    _ = try await HouseholdStore.factStampWithDirectory(of: network, on: one.sql)
                    _ = try await HouseholdStore.factStamp(of: [network], on: one.sql)
                    _ = try await SessionStore.get(keyHash: "k", on: one.sql)
                    _ = try await ApiTokenStore.active(hash: "t", on: one.sql)
                    _ = try await DirectoryVersion.caseStamp(of: household, on: one.sql)
                    // What a case page reads afresh once its household changed.
                    _ = try await EscalationStore.escalations(grant, on: one.sql)
                    _ = try await DirectorStore.history(grant, on: one.sql)
                    _ = try await FamilyLevelStore.history(grant, on: one.sql)
                    _ = try await CommitmentStore.items(grant, on: one.sql)
                    // What a list row derived for a changed household reads too.
                    _ = try await HouseholdStore.reference(of: household, on: one.sql)
                    _ = try await PlanStore.current(grant, on: one.sql)
                    _ = try await TimelineStore.events(grant, on: one.sql)
                    // And a list's read of what changed in its network since it was last derived, and of the
                    // households that changed: their access facts, signals and triage events.
                    _ = try await NetworkFactVersions.changes(in: f.network.id, after: 0, on: one.sql)
                    _ = try await HouseholdStore.accessContexts([household], on: one.sql)
                    _ = try await SignalStore.summaries([grant], on: one.sql)
                    _ = try await TimelineStore.events(kindsStartingWith: "triage.", [grant], on: one.sql)
                }
                struct Plans: Decodable { let name: String, genericPlans: Int64 }
                let plans = try await one.sql.raw("SELECT name, generic_plans FROM pg_prepared_statements").all(
                    decoding: Plans.self, keyDecodingStrategy: .snakeCase)
                #expect(plans.count == 18)
                for statement in plans {
                    #expect(statement.genericPlans > 0, "\(statement.name) is planned afresh on every run")
                }
            }
        }
    }

    /// Runs `body` on a second handle to `db`'s PostgreSQL database with a pool of one connection: PostgreSQL lists
    /// a connection's prepared statements to that connection only.
    private static func onOneConnection(of db: RegieDatabase, _ body: (RegieDatabase) async throws -> Void)
        async throws
    {
        guard case .postgres(var settings) = db.location else { return }
        settings.connections = 1
        let one = try await RegieDatabase.open(.postgres(settings))
        do {
            try await body(one)
        } catch {
            await one.shutdown()
            throw error
        }
        await one.shutdown()
    }
}
