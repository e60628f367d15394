import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO

/// SQLite's connections for reads outside a transaction, each statement run on the reading task's own thread while
/// a place for that is free (`SQLiteInlinePlaces`), on SQLite's thread pool otherwise.
///
/// Through Fluent's pool a read hopped to an event loop to lease its connection, and SQLiteNIO's future-based query
/// handed every row back to that event loop as a task of its own before the statement's result went to the waiting
/// request: a worklist of fifty cases cost hundreds of cross-thread wake-ups. Here a read leases a connection under a
/// lock, runs its statement on the pool's thread (`SQLiteOwnConnection`, which keeps its prepared statements)
/// and hands the connection back — one hop there and one back. As many connections as the thread pool has threads,
/// as Fluent had (one per event loop on a machine with as many loops as cores); transactions keep their own
/// (`RegieDatabase.write`).
final class SQLiteReaders: SQLiteStatements {
    private let path: String
    private let logger: Logger
    private let state = NIOLockedValueBox(State())

    private struct State {
        var idle: [SQLiteOwnConnection] = []
        var opened = 0
        var waiting: [CheckedContinuation<SQLiteOwnConnection?, Never>] = []
        var closed = false
    }

    /// At most `connections` connections, opened when first needed.
    let connections: Int
    /// Where statements may run on their tasks' threads, shared with the transactions.
    let places: SQLiteInlinePlaces

    init(path: String, connections: Int, places: SQLiteInlinePlaces = SQLiteInlinePlaces(), logger: Logger) {
        self.path = path
        self.connections = max(1, connections)
        self.places = places
        self.logger = logger
    }

    /// Reads run on whichever connection is free: a session needs a connection of its own (Fluent's).
    var isOneConnection: Bool { false }

    /// Runs one statement, handing its rows to `onRow` in order, on the asking task's thread or the pool's.
    func execute(_ sql: String, _ binds: [any Encodable & Sendable], _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        async throws
    {
        let connection = try await lease()
        defer { giveBack(connection) }
        try await places.run { inline in
            try await connection.execute(sql, binds, logger: logger, inline: inline, onRow)
        }
    }

    /// An idle connection, a newly opened one while fewer than `connections` are open, or the next one handed back.
    /// A waiting read woken without a connection (the pool closed, or an opening failed and freed its place) decides
    /// again.
    private func lease() async throws -> SQLiteOwnConnection {
        enum Next { case use(SQLiteOwnConnection), open, wait, closed }
        while true {
            let next: Next = state.withLockedValue { state in
                if state.closed { return .closed }
                if let connection = state.idle.popLast() { return .use(connection) }
                if state.opened < connections {
                    state.opened += 1
                    return .open
                }
                return .wait
            }
            switch next {
            case .use(let connection): return connection
            case .closed: throw DatabaseClosed()
            case .open:
                do {
                    return try await open()
                } catch {
                    let waiter = state.withLockedValue { state in
                        state.opened -= 1
                        return state.waiting.isEmpty ? nil : state.waiting.removeFirst()
                    }
                    waiter?.resume(returning: nil)
                    throw error
                }
            case .wait:
                let handed: SQLiteOwnConnection? = await withCheckedContinuation { continuation in
                    let decideAgain = state.withLockedValue { state in
                        if state.closed || state.opened < connections { return true }
                        if let connection = state.idle.popLast() {
                            continuation.resume(returning: connection)
                        } else {
                            state.waiting.append(continuation)
                        }
                        return false
                    }
                    if decideAgain { continuation.resume(returning: nil) }
                }
                if let handed { return handed }
            }
        }
    }

    /// Hands the connection to the longest waiting read, or keeps it idle; closes it once `close` has run.
    private func giveBack(_ connection: SQLiteOwnConnection) {
        enum Next { case handTo(CheckedContinuation<SQLiteOwnConnection?, Never>), keep, close }
        let next: Next = state.withLockedValue { state in
            if state.closed { return .close }
            if !state.waiting.isEmpty { return .handTo(state.waiting.removeFirst()) }
            state.idle.append(connection)
            return .keep
        }
        switch next {
        case .handTo(let waiter): waiter.resume(returning: connection)
        case .keep: break
        case .close: connection.close()
        }
    }

    /// Opens a connection set up as `RegieDatabase.prepareSQLite` sets up Fluent's, that refuses to change the
    /// database: a change here would pass the queue of transactions (`WriteSerializer`) and belong to no user
    /// action's transaction, so it fails at once ("attempt to write a readonly database") instead of racing them.
    private func open() async throws -> SQLiteOwnConnection {
        let path = self.path
        return try await SQLiteOwnConnection.onPool {
            try SQLiteOwnConnection(path: path, pragmas: RegieDatabase.connectionPragmas + ["PRAGMA query_only = ON"])
        }
    }

    /// Closes the idle connections and refuses further reads; call once no read is running.
    func close() async {
        let (idle, waiting) = state.withLockedValue { state in
            state.closed = true
            defer {
                state.idle = []
                state.waiting = []
            }
            return (state.idle, state.waiting)
        }
        for waiter in waiting { waiter.resume(returning: nil) }
        for connection in idle { connection.close() }
    }
}
