import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import RegieCore
import SQLKit

/// Regie's database: one object that opens SQLite or PostgreSQL, migrates, and runs reads and
/// transactional writes. Every user action is one `write` — all or nothing.
public final class RegieDatabase: Sendable {
    public enum Backend: String, Sendable {
        case sqlite
        case postgres
    }

    public let backend: Backend
    public let location: DatabaseLocation
    private let databases: Databases
    private let logger: Logger
    /// The SQL dialect, kept from opening for the handle `sql` gives once the connections are closed.
    private let dialect: any SQLDialect
    private let serializer: WriteSerializer?
    /// SQLite's connections for reads outside a transaction; `nil` on PostgreSQL.
    private let readers: SQLiteReaders?
    /// SQLite's connection for transactions; `nil` on PostgreSQL.
    private let writer: SQLiteWriter?
    /// PostgreSQL's client and the task running it; `nil` on SQLite.
    private let server: PostgresServer?
    /// Reads and writes outside any request, which closing waits for (`BackgroundWork`).
    private let backgroundWork = BackgroundWork()
    /// The access-log entries and grouped writes of simultaneous requests, which share transactions (`groupedWrite`,
    /// `AccessLogStore.append(_:to:)`); the household sets seen committed are remembered (`StoredAccessSets`).
    let groupCommit: GroupCommit<AccessLogSets>

    /// Opens the database; for SQLite the file is created when missing and switched to WAL mode.
    public static func open(_ location: DatabaseLocation, logger: Logger = Logger(label: "regie.db")) async throws
        -> RegieDatabase
    {
        let databases = Databases(threadPool: .singleton, on: MultiThreadedEventLoopGroup.singleton)
        let database: RegieDatabase
        switch location {
        case .sqlite(let path):
            databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
            database = RegieDatabase(backend: .sqlite, location: location, databases: databases, logger: logger)
            do {
                try await database.prepareSQLite()
            } catch {
                // A file that is no database (or cannot be opened): close the pools before saying so.
                await databases.shutdownAsync()
                throw error
            }
        case .postgres(let settings):
            var configuration = PostgresClient.Configuration(
                host: settings.host, port: settings.port, username: settings.username, password: settings.password,
                database: settings.database, tls: settings.requireTLS ? .require(.makeClientConfiguration()) : .disable)
            configuration.options.maximumConnections = settings.connections
            if settings.keepsConnections { configuration.options.minimumConnections = settings.connections - 1 }
            // Regie runs the client itself (`PostgresServer`) to send kept statements to it prepared.
            let server = await PostgresServer.start(
                PostgresClient(configuration: configuration, backgroundLogger: logger))
            databases.use(.postgres(client: server.client, sqlLogLevel: .trace, logger: logger), as: .psql)
            database = RegieDatabase(
                backend: .postgres, location: location, databases: databases, logger: logger, server: server)
            do {
                _ = try await database.sql.raw("SELECT 1").all()
            } catch {
                await databases.shutdownAsync()
                await server.stop()
                throw error
            }
        }
        return database
    }

    private init(
        backend: Backend, location: DatabaseLocation, databases: Databases, logger: Logger,
        server: PostgresServer? = nil
    ) {
        self.backend = backend
        self.location = location
        self.databases = databases
        self.logger = logger
        self.server = server
        self.serializer = backend == .sqlite ? WriteSerializer() : nil
        let stored = StoredAccessSets()
        let bases = AccessSetBases()
        // On PostgreSQL a begin and a commit are a round trip each, around the one insert they would guard.
        var alone: (@Sendable ([AccessLogSets]) -> Bool)? = nil
        if backend == .postgres { alone = { @Sendable parts in AccessLogStore.isOneStatement(parts, stored: stored) } }
        self.groupCommit = GroupCommit<AccessLogSets>(
            persist: { (parts: [AccessLogSets], db: any SQLDatabase) in
                try await AccessLogStore.rows(of: AccessLogSets(merging: parts), stored: stored, bases: bases, on: db)
            },
            committed: { (parts: [AccessLogSets]) in
                let sets = parts.flatMap { Array($0.sets.keys) }
                stored.remember(sets)
                bases.committed(sets)
            },
            alone: alone)
        if case .sqlite(let path) = location {
            // One count of the statements on Swift's threads for reads and writes alike (`SQLiteInlinePlaces`).
            let places = SQLiteInlinePlaces()
            self.readers = SQLiteReaders(path: path, connections: System.coreCount, places: places, logger: logger)
            self.writer = SQLiteWriter(path: path, places: places, logger: logger)
        } else {
            self.readers = nil
            self.writer = nil
        }
        let id: DatabaseID = backend == .sqlite ? .sqlite : .psql
        self.dialect =
            (databases.database(id, logger: logger, on: databases.eventLoopGroup.any()) as! any SQLDatabase)
            .dialect
    }

    /// WAL lets readers carry on while one transaction writes; NORMAL sync is durable across a crash of
    /// Regie itself (only an OS crash can lose the last commits); the busy timeout covers other processes
    /// such as `regie backup` or a second CLI. Statement journals stay in memory: a list page's access-log batch
    /// is one multi-row insert inside a shared transaction, and its undo copy went to a temporary file each time.
    private func prepareSQLite() async throws {
        _ = try await sql.raw("PRAGMA journal_mode = WAL").all()
        let loops = Array(MultiThreadedEventLoopGroup.singleton.makeIterator())
        for db in loops.compactMap({ fluent(on: $0) }) {
            let db = db as! any SQLDatabase
            for pragma in Self.connectionPragmas { _ = try await db.raw(SQLQueryString(pragma)).all() }
        }
    }

    /// What every SQLite connection is set to when opened (see `prepareSQLite`).
    static let connectionPragmas = [
        "PRAGMA busy_timeout = 10000", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON",
        "PRAGMA temp_store = MEMORY",
    ]

    /// The connections for reads; none once `shutdown` closed them.
    private func fluent(on loop: (any EventLoop)? = nil) -> (any Database)? {
        let id: DatabaseID = backend == .sqlite ? .sqlite : .psql
        return databases.database(id, logger: logger, on: loop ?? databases.eventLoopGroup.any())
    }

    /// A database handle for reads outside a transaction; once the connections are closed, one whose statements
    /// fail with `DatabaseClosed` — work still finishing at shutdown gets an error instead of ending the process.
    /// The handle of each event loop is made once and kept (`Handles`).
    public var sql: any SQLDatabase {
        let loop = databases.eventLoopGroup.any()
        let (closed, kept) = handles.withLockedValue { ($0.closed, $0.byLoop[ObjectIdentifier(loop)]) }
        if let kept, !closed { return kept }
        guard !closed, let fluent = fluent(on: loop) else {
            return ClosedDatabase(logger: logger, eventLoop: loop, dialect: dialect)
        }
        let handle = OwnNamesDatabase(fluent as! any SQLDatabase, server: server?.client, sqlite: readers)
        handles.withLockedValue { if !$0.closed { $0.byLoop[ObjectIdentifier(loop)] = handle } }
        return handle
    }

    /// The handles `sql` gave, per event loop, until `shutdown` closes the connections. Fluent makes a database
    /// afresh on every request for one (a lock, a logger with its metadata, a context, the pool's lookup), and
    /// every store call asks for `sql`: 2.4 % of the server's time on the signal list while signals arrived, 0.5 %
    /// with the handles kept (perf, thirty-fourth session).
    private struct Handles {
        var byLoop: [ObjectIdentifier: OwnNamesDatabase] = [:]
        var closed = false
    }
    private let handles = NIOLockedValueBox(Handles())

    /// The SQL dialect name (`sqlite` or `postgresql`), for the few statements that differ.
    public var dialectName: String { sql.dialect.name }

    /// Runs `body` in one transaction; on SQLite, transactions wait their turn instead of colliding, and run on a
    /// connection apart from the reads' (`SQLiteWriter`) — a transaction holds its connection for all its
    /// statements, and reads sharing it queued behind (measured: the worklist at region scale served 20 % more pages
    /// a second once transactions had their own).
    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard let fluent = fluent() else { throw DatabaseClosed() }
        guard let writer, let serializer else {
            return try await fluent.transaction { tx in try await body(OwnNamesDatabase(tx as! any SQLDatabase)) }
        }
        await serializer.acquire()
        do {
            let result = try await writer.transaction { tx in
                try await body(OwnNamesDatabase(fluent as! any SQLDatabase, sqlite: tx))
            }
            await serializer.release()
            return result
        } catch {
            await serializer.release()
            throw error
        }
    }

    /// Runs `body` in a transaction shared with the grouped writes other requests hand in meanwhile (`GroupCommit`):
    /// all or nothing like `write`, cheaper when many arrive at once. `body` may run twice (alone, after a shared
    /// transaction failed), so it must change nothing but the database.
    public func groupedWrite<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T)
        async throws -> T
    {
        try await groupCommit.submit(body, to: self)
    }

    /// Brings the schema up to date; safe to run on every start and from several servers (PostgreSQL
    /// takes an advisory lock so only one migrates).
    public func migrate() async throws {
        let migrations = Migrations()
        RegieMigrations.all.forEach { migrations.add($0) }
        let migrator = Migrator(
            databases: databases, migrations: migrations, logger: logger, on: databases.eventLoopGroup.any())
        guard backend == .postgres else {
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
            return
        }
        // The lock belongs to one connection, so take and release it on the same one.
        guard let fluent = fluent() else { throw DatabaseClosed() }
        try await fluent.withConnection { connection in
            let session = connection as! any SQLDatabase
            _ = try await session.raw("SELECT pg_advisory_lock(7310201)").all()
            do {
                try await migrator.setupIfNeeded().get()
                try await migrator.prepareBatch().get()
            } catch {
                _ = try? await session.raw("SELECT pg_advisory_unlock(7310201)").all()
                throw error
            }
            _ = try await session.raw("SELECT pg_advisory_unlock(7310201)").all()
        }
    }

    /// Names of the migrations that have run, in order; for `regie migrate` and tests.
    public func appliedMigrations() async throws -> [String] {
        struct Row: Decodable { let name: String }
        return try await sql.select().column("name").from("_fluent_migrations").orderBy("batch").orderBy("name")
            .all(decoding: Row.self).map(\.name)
    }

    /// Brings PostgreSQL's indexes, planner statistics and visibility map up to date after a bulk load, so a freshly
    /// generated database behaves as one in use. The households' indexes are rebuilt first: every change to a
    /// household moves its entry in the change-mark index (M021), and a generated region changes each household a
    /// dozen times in a row — that index had grown to 406 MB for 100,000 households, so the planner read a network's
    /// fact stamp from the table (1,841 pages, 4 ms) instead of the index. `VACUUM (ANALYZE)` then sets the visibility
    /// map (without it an index-only scan of fresh rows read the table as well). SQLite needs nothing.
    public func settleAfterBulkLoad() async throws {
        guard backend == .postgres else { return }
        _ = try await sql.raw("REINDEX TABLE households").all()
        _ = try await sql.raw("VACUUM (ANALYZE)").all()
    }

    /// Runs `work` in the background, outside any request; `shutdown` waits for it before closing connections.
    public func inBackground(priority: TaskPriority = .background, _ work: @escaping @Sendable () async -> Void)
        async
    {
        await backgroundWork.start(priority: priority, work)
    }

    /// Closes connections, once the background work is done; call once before the process ends. SQLite's closing is
    /// its last checkpoint, which is waited for however long the write-ahead log makes it. PostgreSQL's client is
    /// given 15 seconds (`BoundedWait`); beyond that the process goes on without it, and the server closes its side.
    public func shutdown() async {
        await backgroundWork.finish()
        handles.withLockedValue { $0 = Handles(byLoop: [:], closed: true) }
        await readers?.close()
        writer?.close()
        let databases = self.databases
        guard let server else { return await databases.shutdownAsync() }
        let closed = await BoundedWait.run(.seconds(15)) {
            await databases.shutdownAsync()
            await server.stop()
        }
        if !closed {
            logger.warning("Closing the PostgreSQL client did not finish within 15 s; going on without waiting")
        }
    }
}
