import Logging
import NIOConcurrencyHelpers
import SQLKit
import SQLiteKit
import SQLiteNIO

/// SQLite's connection for transactions (`RegieDatabase.write`): one, since SQLite lets one transaction write at a
/// time and Regie already queues them in the process (`WriteSerializer`).
///
/// Fluent's transactions ran every statement through an event loop and handed every row back to it as a task of its
/// own, on a connection that prepared each statement afresh. Here a transaction's statements run on a connection of
/// Regie's own that keeps them prepared (`SQLiteOwnConnection`): its body's on the thread of the task that writes
/// while a place for that is free (`SQLiteInlinePlaces`) — a signal's intake is a dozen statements, each held up by
/// two thread switches while every other write waited — and its `BEGIN IMMEDIATE`, `COMMIT` and `ROLLBACK` on SQLite's
/// thread pool, as they may wait for another process's lock or for the disk (a checkpoint after a commit).
final class SQLiteWriter: Sendable {
    private let path: String
    private let logger: Logger
    private let places: SQLiteInlinePlaces
    private let state = NIOLockedValueBox(State())

    private struct State {
        var connection: SQLiteOwnConnection?
        var closed = false
    }

    init(path: String, places: SQLiteInlinePlaces = SQLiteInlinePlaces(), logger: Logger) {
        self.path = path
        self.places = places
        self.logger = logger
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it (or the commit) throws. The
    /// caller lets one transaction in at a time (`WriteSerializer`). `BEGIN IMMEDIATE` takes the write lock at the
    /// start, so another process writing meanwhile (`regie backup`, a CLI) is waited for (busy timeout) instead of
    /// failing the transaction halfway when it would have upgraded from reading.
    func transaction<T: Sendable>(_ body: (SQLiteTransaction) async throws -> T) async throws -> T {
        let connection = try await self.connection()
        let transaction = SQLiteTransaction(connection: connection, places: places, logger: logger)
        defer { transaction.end() }
        try await connection.execute("BEGIN IMMEDIATE", [], logger: logger) { _ in }
        do {
            let result = try await body(transaction)
            try await connection.execute("COMMIT", [], logger: logger) { _ in }
            return result
        } catch {
            // A failed COMMIT may leave the transaction open (a full disk); after a failed statement it still is.
            try? await connection.execute("ROLLBACK", [], logger: logger) { _ in }
            throw error
        }
    }

    /// The connection, opened on the first transaction.
    private func connection() async throws -> SQLiteOwnConnection {
        let existing = try state.withLockedValue { state in
            if state.closed { throw DatabaseClosed() }
            return state.connection
        }
        if let existing { return existing }
        let path = self.path
        let opened = try await SQLiteOwnConnection.onPool {
            try SQLiteOwnConnection(path: path, pragmas: RegieDatabase.connectionPragmas)
        }
        return try state.withLockedValue { state in
            guard !state.closed else {
                opened.close()
                throw DatabaseClosed()
            }
            // Transactions come one at a time, so no other opening can have won; keep the first all the same.
            if let first = state.connection {
                opened.close()
                return first
            }
            state.connection = opened
            return opened
        }
    }

    /// Closes the connection and refuses further transactions; call once none is running.
    func close() {
        let connection = state.withLockedValue { state in
            state.closed = true
            defer { state.connection = nil }
            return state.connection
        }
        connection?.close()
    }
}

/// The statements of one transaction on the writer's connection; refuses any once the transaction ended.
final class SQLiteTransaction: SQLiteStatements {
    private let connection: SQLiteOwnConnection
    private let places: SQLiteInlinePlaces
    private let logger: Logger
    private let ended = NIOLockedValueBox(false)

    init(connection: SQLiteOwnConnection, places: SQLiteInlinePlaces, logger: Logger) {
        self.connection = connection
        self.places = places
        self.logger = logger
    }

    /// A transaction runs on one connection: a session asked for inside it is the transaction itself.
    var isOneConnection: Bool { true }

    func execute(_ sql: String, _ binds: [any Encodable & Sendable], _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        async throws
    {
        guard !ended.withLockedValue({ $0 }) else { throw TransactionEnded() }
        try await places.run { inline in
            try await connection.execute(sql, binds, logger: logger, inline: inline, onRow)
        }
    }

    fileprivate func end() { ended.withLockedValue { $0 = true } }
}

/// A statement handed to a transaction after it was committed or rolled back (the handle kept beyond its body).
struct TransactionEnded: Error, CustomStringConvertible {
    var description: String { "The transaction has ended; its handle runs no more statements." }
}

/// Where a store handle's statements run on SQLite, instead of Fluent's connections: the reading connections or a
/// transaction's.
protocol SQLiteStatements: Sendable {
    /// Runs one statement, handing its rows to `onRow` in order.
    func execute(_ sql: String, _ binds: [any Encodable & Sendable], _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        async throws
    /// Whether every statement runs on one connection (a transaction), so that a session is this handle itself.
    var isOneConnection: Bool { get }
}
