import FluentPostgresDriver
import Logging
import NIOCore
import SQLKit

/// The handle every store statement runs on: SQLKit's, except that table and column names are quoted without being
/// searched for quote marks to escape. Escaping every name was a tenth of the server's work on a list page (measured
/// with perf at scale `klein`: SQLKit escapes through the standard library's generic `replacing`, which on Linux
/// costs more than running the statement). It is safe because every name in a statement is Regie's own — written in
/// the store's code or taken from its fixed tables, never from input; values always travel as binds, and string
/// literals are still escaped. Debug builds (the tests) check each statement against SQLKit's own rendering, so a
/// name with a quote mark in it, or a dialect setting not passed on, fails the tests instead of reaching a database.
struct OwnNamesDatabase: SQLDatabase {
    let base: any SQLDatabase
    let dialect: any SQLDialect
    /// PostgreSQL's client, on a handle outside any transaction: where kept statements run prepared
    /// (`KeptStatement`). `nil` on SQLite and on a transaction's or session's handle, whose statements must run on
    /// its one connection.
    let server: PostgresClient?
    /// Where statements run on SQLite: the reading connections outside a transaction (`SQLiteReaders`), the
    /// writer's connection inside one (`SQLiteTransaction`); `nil` on PostgreSQL and on a session's handle, whose
    /// statements run on `base`. With it, `base` only lends its dialect, logger and event loop.
    let sqlite: (any SQLiteStatements)?

    init(_ base: any SQLDatabase, server: PostgresClient? = nil, sqlite: (any SQLiteStatements)? = nil) {
        self.base = base
        self.dialect = OwnNamesDialect(base: base.dialect)
        self.server = server
        self.sqlite = sqlite
    }

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        guard sqlite != nil else { return base.execute(sql: rendered(query), onRow) }
        return eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let statement = rendered(query)
        guard let sqlite else { return try await base.execute(sql: statement, onRow) }
        try await sqlite.execute(statement.sql, statement.binds, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        if let sqlite, sqlite.isOneConnection { return try await closure(self) }
        return try await base.withSession { session in try await closure(OwnNamesDatabase(session)) }
    }

    /// The statement as text and binds, which the base database passes on as they are.
    private func rendered(_ query: any SQLExpression) -> Rendered {
        let (sql, binds) = serialize(query)
        assert(
            sql == base.serialize(query).sql,
            "A statement renders differently without escaping names; a name holds a quote mark: \(sql)")
        return Rendered(sql: sql, binds: binds)
    }
}

/// A statement already rendered — by `OwnNamesDatabase`, or kept by `KeptStatement` — as text and binds.
struct Rendered: SQLExpression {
    let sql: String
    let binds: [any Encodable & Sendable]

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write(sql)
        serializer.binds.append(contentsOf: binds)
    }
}

/// A name's quote mark that SQLKit does not recognise as one to escape with (it only escapes for `SQLRaw` quotes).
private struct NameQuote: SQLExpression {
    func serialize(to serializer: inout SQLSerializer) { serializer.write("\"") }
}

/// The base database's dialect in every respect but the names' quote mark (`"` in both SQLite and PostgreSQL).
private struct OwnNamesDialect: SQLDialect {
    let base: any SQLDialect

    var name: String { base.name }
    var identifierQuote: any SQLExpression { NameQuote() }
    var literalStringQuote: any SQLExpression { base.literalStringQuote }
    var supportsAutoIncrement: Bool { base.supportsAutoIncrement }
    var autoIncrementClause: any SQLExpression { base.autoIncrementClause }
    var autoIncrementFunction: (any SQLExpression)? { base.autoIncrementFunction }
    func bindPlaceholder(at position: Int) -> any SQLExpression { base.bindPlaceholder(at: position) }
    func literalBoolean(_ value: Bool) -> any SQLExpression { base.literalBoolean(value) }
    var literalDefault: any SQLExpression { base.literalDefault }
    var supportsIfExists: Bool { base.supportsIfExists }
    var enumSyntax: SQLEnumSyntax { base.enumSyntax }
    var supportsDropBehavior: Bool { base.supportsDropBehavior }
    var supportsReturning: Bool { base.supportsReturning }
    var triggerSyntax: SQLTriggerSyntax { base.triggerSyntax }
    var alterTableSyntax: SQLAlterTableSyntax { base.alterTableSyntax }
    func customDataType(for dataType: SQLDataType) -> (any SQLExpression)? { base.customDataType(for: dataType) }
    func normalizeSQLConstraint(identifier: any SQLExpression) -> any SQLExpression {
        base.normalizeSQLConstraint(identifier: identifier)
    }
    var upsertSyntax: SQLUpsertSyntax { base.upsertSyntax }
    var unionFeatures: SQLUnionFeatures { base.unionFeatures }
    var sharedSelectLockExpression: (any SQLExpression)? { base.sharedSelectLockExpression }
    var exclusiveSelectLockExpression: (any SQLExpression)? { base.exclusiveSelectLockExpression }
    func nestedSubpathExpression(in column: any SQLExpression, for path: [String]) -> (any SQLExpression)? {
        base.nestedSubpathExpression(in: column, for: path)
    }
}
