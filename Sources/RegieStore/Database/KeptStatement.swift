import FluentPostgresDriver
import NIOConcurrencyHelpers
import SQLKit

/// A statement of fixed shape — only its text parameters change — rendered once per dialect and then kept; on
/// PostgreSQL also prepared once per connection, under the name of its `Name` type.
///
/// SQLKit builds a statement's expression tree and renders it on every run. For the few statements every page runs
/// (the session with its user and the page frame, the network's fact stamp) building and rendering were
/// about a twelfth of a worklist view at region scale (perf, sixteenth measurement). A kept statement is built and
/// rendered once, with a marker in place of each parameter; a run takes the kept text and puts its parameters where
/// the markers were among the binds. Binds that are not parameters (constants such as `true`) stay as rendered.
///
/// PostgreSQL parses and plans every statement it is sent, and for these lookups planning cost three to four times
/// the execution (0.2 against 0.05–0.07 ms, `EXPLAIN (SUMMARY)` on a warm connection; a profile of the worklist put
/// a fifth of the machine's time in PostgreSQL's parser and planner). Outside a transaction a kept statement
/// therefore runs as a prepared statement (`PreparedOnServer`): each connection parses it once and soon keeps a
/// generic plan. Inside a transaction, and on SQLite, it runs as plain text like any other statement.
///
/// What makes keeping safe is that nothing in the statement's shape depends on its parameters (no `IN` list of
/// varying length, no clause left out for some values). Debug builds (the tests) build and render every run afresh
/// with the real parameters and check the text and binds against the kept ones, so a statement breaking that rule
/// fails the tests instead of running with the wrong values.
///
/// `Name` is a type of its own per statement (an empty enum beside it): PostgreSQL knows a prepared statement by
/// name, and PostgresNIO takes the name and text from the statement's type.
///
/// A statement over an `IN` list of its parameters (`forCounts:`) has one shape per number of parameters: it is kept
/// per number within the range given — the few households a list reads again after a change, whose statements SQLKit
/// otherwise built and rendered on every run (a tenth of what a new signal cost the signal list, `perf`,
/// forty-second session) — and built afresh beyond it. On PostgreSQL each number is prepared under a name of its own
/// (`PreparedCount`): planned afresh, these reads of a changed household cost PostgreSQL 0.3–0.6 ms of planning
/// against 0.03–0.09 of execution after every new signal (`bench/pg_plans.sh`, forty-third session), while a list of
/// a fixed number of parameters gets a generic plan as good as the values' own (an `IN` list as one array parameter
/// did not: its generic plan guessed ten values, bench/RESULTS.md, forty-first session).
final class KeptStatement<Name>: Sendable {
    /// Builds the statement on a database with the given parameters.
    private let build: @Sendable (any SQLDatabase, [String]) -> any SQLExpression
    /// Per dialect name (SQLite and PostgreSQL write placeholders differently), and per number of parameters for a
    /// statement kept per count: the text, and per bind the index of the parameter it is or the constant it stays.
    private let kept = NIOLockedValueBox<[String: Kept]>([:])
    /// The numbers of parameters kept for a statement over a list of them; `nil` for a statement of fixed shape.
    private let counts: ClosedRange<Int>?

    private struct Kept: Sendable {
        let sql: String
        let binds: [Slot]
        /// Whether every constant is of a type the prepared statement can bind (`PreparedOnServer.bindable`).
        let preparable: Bool
    }

    private enum Slot: Sendable {
        case parameter(Int)
        case constant(any Encodable & Sendable)
    }

    init(_ build: @escaping @Sendable (any SQLDatabase, [String]) -> any SQLExpression) {
        self.build = build
        self.counts = nil
    }

    /// A statement whose shape depends on the number of its parameters only (an `IN` list of them), kept for each
    /// number in `counts`.
    init(
        forCounts counts: ClosedRange<Int>,
        _ build: @escaping @Sendable (any SQLDatabase, [String]) -> any SQLExpression
    ) {
        self.build = build
        self.counts = counts
    }

    /// The statement with `parameters` on `db`, ready to fetch its rows.
    func fetch(_ parameters: [String], on db: any SQLDatabase) -> Fetcher {
        if let counts, !counts.contains(parameters.count) {
            return Fetcher(query: build(db, parameters), database: db)
        }
        let statement = kept(on: db, count: parameters.count)
        let binds: [any Encodable & Sendable] = statement.binds.map { slot in
            switch slot {
            case .parameter(let index): return parameters[index]
            case .constant(let value): return value
            }
        }
        #if DEBUG
            let fresh = db.serialize(build(db, parameters))
            assert(fresh.sql == statement.sql, "A kept statement's shape depends on its parameters: \(fresh.sql)")
            assert(
                fresh.binds.map { "\($0)" } == binds.map { "\($0)" },
                "A kept statement's binds differ from a fresh rendering's: \(fresh.sql)")
        #endif
        let query = Rendered(sql: statement.sql, binds: binds)
        if statement.preparable, let server = (db as? OwnNamesDatabase)?.server {
            return Fetcher(query: query, database: preparedHandle(count: parameters.count, client: server, base: db))
        }
        return Fetcher(query: query, database: db)
    }

    /// The handle that runs the statement prepared: under `Name`, or for a statement kept per count under `Name`
    /// with the number (`PreparedCount`).
    private func preparedHandle(count: Int, client: PostgresClient, base: any SQLDatabase) -> any SQLDatabase {
        guard counts != nil else { return PreparedOnServer<Name>(client: client, base: base) }
        return PreparedCount.numbers[count - 1].handle(Name.self, client: client, base: base)
    }

    /// Records the PostgreSQL text under the name `preparedHandle` runs it by.
    private func register(sql: String, dialect: String, count: Int) {
        guard counts != nil else { return PreparedOnServer<Name>.register(sql: sql, dialect: dialect) }
        PreparedCount.numbers[count - 1].register(Name.self, sql: sql, dialect: dialect)
    }

    /// The kept rendering for `db`'s dialect, made on first use.
    private func kept(on db: any SQLDatabase, count: Int) -> Kept {
        let dialect = db.dialect.name
        let key = counts == nil ? dialect : "\(dialect) \(count)"
        if let statement = kept.withLockedValue({ $0[key] }) { return statement }
        let markers = (0..<count).map { "\u{1}kept-parameter-\($0)\u{1}" }
        let (sql, binds) = db.serialize(build(db, markers))
        let slots = binds.map { bind in
            (bind as? String).flatMap { markers.firstIndex(of: $0) }.map(Slot.parameter) ?? .constant(bind)
        }
        let constants = slots.compactMap { slot -> (any Encodable & Sendable)? in
            if case .constant(let value) = slot { return value }
            return nil
        }
        let named = counts.map { $0.lowerBound >= 1 && $0.upperBound <= PreparedCount.numbers.count } ?? true
        let preparable = named && constants.allSatisfy(PreparedOnServer<Name>.bindable)
        if preparable { register(sql: sql, dialect: dialect, count: count) }
        let statement = Kept(sql: sql, binds: slots, preparable: preparable)
        kept.withLockedValue { $0[key] = statement }
        return statement
    }

    /// Runs a kept statement with SQLKit's fetching (`first`, `all`, decoding).
    final class Fetcher: SQLQueryFetcher {
        let query: any SQLExpression
        let database: any SQLDatabase

        fileprivate init(query: any SQLExpression, database: any SQLDatabase) {
            self.query = query
            self.database = database
        }
    }
}
