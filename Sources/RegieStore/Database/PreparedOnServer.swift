import FluentPostgresDriver
import Logging
import NIOConcurrencyHelpers
import NIOCore
import SQLKit

/// Runs a kept statement (`KeptStatement`) on PostgreSQL as a prepared statement named after `Name`: PostgresNIO
/// prepares it on a connection the first time that connection runs it and from then on sends only its parameters,
/// so PostgreSQL neither parses nor (once it keeps a generic plan, after five runs) plans it again.
///
/// A handle for SQLKit's fetching: `execute` takes the kept text's binds and leaves the text to the prepared
/// statement, which was registered with that same text when the statement was kept.
struct PreparedOnServer<Name>: SQLDatabase {
    let client: PostgresClient
    /// The handle the statement would otherwise have run on: its logger, event loop and dialect.
    let base: any SQLDatabase

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        guard let kept = query as? Rendered else { return try await base.execute(sql: query, onRow) }
        if let level = queryLogLevel {
            logger.log(level: level, "Executing prepared query", metadata: ["sql": .string(kept.sql)])
        }
        var bindings = PostgresBindings(capacity: kept.binds.count)
        for bind in kept.binds { try Self.append(bind, to: &bindings) }
        let statement = Statement(bindings: bindings)
        try await client.withConnection { connection in
            for try await row in try await connection.execute(statement, logger: logger) { onRow(row.sql()) }
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    /// The prepared statement as PostgresNIO wants it: its name and text belong to its type.
    struct Statement: PostgresPreparedStatement {
        typealias Row = PostgresRow
        let bindings: PostgresBindings

        /// The `Name` type's full name, which Swift keeps unique, or the name it gives (`NamedStatement`); PostgreSQL
        /// cuts names at 63 bytes.
        static var name: String {
            (Name.self as? any NamedStatement.Type)?.statementName ?? String(reflecting: Name.self)
        }
        static var sql: String { texts.withLockedValue { $0[name] } ?? "" }

        func makeBindings() -> PostgresBindings { bindings }
        func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
    }

    /// Records the statement's PostgreSQL text under its name; `KeptStatement` does so before it first runs it.
    static func register(sql: String, dialect: String) {
        guard dialect == "postgresql" else { return }
        precondition(Statement.name.utf8.count <= 63, "A prepared statement's name is longer than PostgreSQL keeps")
        texts.withLockedValue { texts in
            precondition(texts[Statement.name].map { $0 == sql } ?? true, "Two kept statements share a name")
            texts[Statement.name] = sql
        }
    }

    /// Whether a constant of a kept statement can be bound as it is (text, whole numbers, truth values — what kept
    /// statements hold); a statement with any other constant runs as plain text.
    static func bindable(_ value: any Encodable & Sendable) -> Bool {
        value is String || value is Int || value is Int64 || value is Bool
    }

    private static func append(_ value: any Encodable & Sendable, to bindings: inout PostgresBindings) throws {
        switch value {
        case let text as String: bindings.append(text)
        case let number as Int: bindings.append(number)
        case let number as Int64: bindings.append(number)
        case let truth as Bool: bindings.append(truth)
        default: throw UnbindableConstant()
        }
    }

    /// A constant `bindable` does not know reached the prepared path; cannot happen while `KeptStatement` checks.
    struct UnbindableConstant: Error {}
}

/// The PostgreSQL texts of the kept statements, by name (a static stored property cannot live in a generic type).
private let texts = NIOLockedValueBox<[String: String]>([:])
