import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO

/// SQLite's connections for reads outside a transaction, each statement run straight on SQLite's thread pool.
///
/// Through Fluent's pool a read hopped to an event loop to lease its connection, and SQLiteNIO's future-based query
/// handed every row back to that event loop as a task of its own before the statement's result went to the waiting
/// request: a worklist of fifty cases cost hundreds of cross-thread wake-ups. Here a read leases a connection under a
/// lock, runs its statement with SQLiteNIO's async query (rows collected on the pool's thread) and hands the
/// connection back — one hop there and one back. As many connections as the thread pool has threads, as Fluent had
/// (one per event loop on a machine with as many loops as cores); transactions keep their own (`RegieDatabase.write`).
final class SQLiteReaders: Sendable {
    private let path: String
    private let logger: Logger
    private let state = NIOLockedValueBox(State())
    private let encoder = SQLiteDataEncoder()
    private let decoder = SQLiteDataDecoder()

    private struct State {
        var idle: [SQLiteConnection] = []
        var opened = 0
        var waiting: [CheckedContinuation<SQLiteConnection?, Never>] = []
        var closed = false
    }

    /// At most `connections` connections, opened when first needed.
    let connections: Int

    init(path: String, connections: Int, logger: Logger) {
        self.path = path
        self.connections = max(1, connections)
        self.logger = logger
    }

    /// Runs one statement, handing its rows to `onRow` on the thread pool's thread, in order.
    func execute(_ sql: String, _ binds: [any Encodable & Sendable], _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        async throws
    {
        let values = try binds.map { try encoder.encode($0) }
        let connection = try await lease()
        defer { giveBack(connection) }
        let decoder = self.decoder
        logger.trace("Executing query", metadata: ["sql": .string(sql)])
        try await connection.query(sql, values) { onRow($0.sql(decoder: decoder)) }
    }

    /// An idle connection, a newly opened one while fewer than `connections` are open, or the next one handed back.
    /// A waiting read woken without a connection (the pool closed, or an opening failed and freed its place) decides
    /// again.
    private func lease() async throws -> SQLiteConnection {
        enum Next { case use(SQLiteConnection), open, wait, closed }
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
                let handed: SQLiteConnection? = await withCheckedContinuation { continuation in
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
    private func giveBack(_ connection: SQLiteConnection) {
        enum Next { case handTo(CheckedContinuation<SQLiteConnection?, Never>), keep, close }
        let next: Next = state.withLockedValue { state in
            if state.closed { return .close }
            if !state.waiting.isEmpty { return .handTo(state.waiting.removeFirst()) }
            state.idle.append(connection)
            return .keep
        }
        switch next {
        case .handTo(let waiter): waiter.resume(returning: connection)
        case .keep: break
        case .close: _ = connection.close()
        }
    }

    /// Opens a connection set up as `RegieDatabase.prepareSQLite` sets up Fluent's.
    private func open() async throws -> SQLiteConnection {
        let connection = try await SQLiteConnection.open(
            storage: .file(path: path), threadPool: .singleton, logger: logger,
            on: MultiThreadedEventLoopGroup.singleton.any())
        do {
            for pragma in RegieDatabase.connectionPragmas { _ = try await connection.query(pragma, []) }
        } catch {
            try? await Self.close(connection)
            throw error
        }
        return connection
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
        for connection in idle { try? await Self.close(connection) }
    }

    /// Closes through SQLiteNIO's future-based call: its async one does not run at all in a cancelled task (a request
    /// whose client went, a test past its time), and a connection left open traps when it is released.
    private static func close(_ connection: SQLiteConnection) async throws {
        let closed: EventLoopFuture<Void> = connection.close()
        try await closed.get()
    }
}
