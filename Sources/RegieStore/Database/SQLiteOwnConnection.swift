import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO
import VaporCSQLite

/// A SQLite connection of Regie's own — the reading ones (`SQLiteReaders`) and the one for transactions
/// (`SQLiteWriter`): the C handle itself, keeping every statement it prepared for the next run of the same text.
///
/// SQLiteNIO prepares a statement afresh on every query — SQLite parsing and compiling it was some 8 % of the mixed
/// load (perf, thirty-first session) — builds a table of the column names for every run, and Fluent's transactions
/// hand every row back to an event loop as a task of its own. Regie's statements are a few hundred distinct texts,
/// run over and over: here each is prepared once per connection and kept, with its column names, and a run only
/// binds, steps and resets. The C library is the one SQLiteNIO links (`VaporCSQLite`), so these connections and
/// Fluent's (migrations) share SQLite's bookkeeping of the file's locks within the process.
///
/// One statement at a time: a run holds the connection's lock (uncontended for the readers, which lease a connection
/// to one read at a time; a transaction's statements could be started side by side by its body). SQLite's own mutex
/// is left off, since the lock already keeps every call on one thread at a time.
final class SQLiteOwnConnection: @unchecked Sendable {
    private let lock = NIOLock()
    private var handle: OpaquePointer?
    private var kept: [String: Prepared] = [:]
    private var runs = 0

    /// How many prepared statements a connection keeps; the least recently run goes first.
    static let keptStatements = 128
    /// A statement with more binds than this is run once and not kept. Such a statement is an `IN` list or a
    /// multi-row insert as long as its values, so its text seldom comes again, and it is large: at scale `klein` the
    /// mixed load's lists of a thousand households made statements of some 280 KB each, which filled the kept 128
    /// and took 17 MB per reading connection, where the fifty-odd statements with at most sixteen binds took 0.3 MB.
    static let keptBindLimit = 32

    /// How many statements the connection keeps now (for tests).
    var keptCount: Int { lock.withLock { kept.count } }

    /// A prepared statement with its column names, as of its last preparing.
    private final class Prepared {
        let statement: OpaquePointer
        var columns: SQLiteColumns
        var preparedCount: Int32
        var lastRun: Int

        init(statement: OpaquePointer, lastRun: Int) {
            self.statement = statement
            self.columns = SQLiteColumns(statement)
            self.preparedCount = sqlite_nio_sqlite3_stmt_status(statement, SQLITE_STMTSTATUS_REPREPARE, 0)
            self.lastRun = lastRun
        }

        deinit { sqlite_nio_sqlite3_finalize(statement) }
    }

    /// Opens the file read-write (a read may still be a `PRAGMA` or a backup's `VACUUM INTO`) and sets the pragmas
    /// every Regie connection gets. Blocks: call it on the thread pool (`onPool`).
    init(path: String, pragmas: [String]) throws {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        var handle: OpaquePointer?
        let opened = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        self.handle = handle
        guard opened == SQLITE_OK else { throw SQLiteFailure(opened, handle, "open \(path)") }
        for pragma in pragmas { try run(pragma, []) { _ in } }
    }

    deinit {
        if let handle { sqlite_nio_sqlite3_close_v2(handle) }
    }

    /// Runs one statement with its binds, handing each row to `onRow` as SQLite steps to it. The statement is reset
    /// before returning, whatever happened: a statement left stepping would hold its read snapshot open and keep
    /// the write-ahead log from being checkpointed.
    func run(_ sql: String, _ values: [SQLiteData], _ onRow: (any SQLRow) -> Void) throws {
        try lock.withLock { try runLocked(sql, values, onRow) }
    }

    private func runLocked(_ sql: String, _ values: [SQLiteData], _ onRow: (any SQLRow) -> Void) throws {
        let prepared = try statement(for: sql)
        // A statement that is not kept is finalized when `prepared` goes; it must outlive the reset below.
        try withExtendedLifetime(prepared) { try step(prepared, sql, values, onRow) }
    }

    private func step(_ kept: Prepared, _ sql: String, _ values: [SQLiteData], _ onRow: (any SQLRow) -> Void) throws {
        let statement = kept.statement
        defer { sqlite_nio_sqlite3_reset(statement) }
        try bind(values, to: statement)
        let decoder = SQLiteDataDecoder()
        while true {
            let stepped = sqlite_nio_sqlite3_step(statement)
            if stepped == SQLITE_DONE { return }
            guard stepped == SQLITE_ROW else { throw SQLiteFailure(stepped, handle, sql) }
            let prepared = sqlite_nio_sqlite3_stmt_status(statement, SQLITE_STMTSTATUS_REPREPARE, 0)
            if prepared != kept.preparedCount {
                // SQLite prepared the text again after a change to the schema: its columns may be others now.
                kept.columns = SQLiteColumns(statement)
                kept.preparedCount = prepared
            }
            onRow(SQLiteReadRow(columns: kept.columns, values: try row(of: statement), decoder: decoder))
        }
    }

    /// Finalizes the kept statements and closes the handle; further runs fail.
    func close() {
        lock.withLock {
            kept = [:]
            if let handle { sqlite_nio_sqlite3_close_v2(handle) }
            handle = nil
        }
    }

    /// Runs one of SQLKit's statements (its binds encoded as SQLiteKit encodes them) on SQLite's thread pool, or on
    /// the calling thread when `inline`: the way both the reading connections and a transaction run theirs.
    func execute(
        _ sql: String, _ binds: [any Encodable & Sendable], logger: Logger, inline: Bool = false,
        _ onRow: @escaping @Sendable (any SQLRow) -> Void
    ) async throws {
        let values = try binds.map { try Self.encoder.encode($0) }
        logger.trace("Executing query", metadata: ["sql": .string(sql)])
        if inline { return try run(sql, values, onRow) }
        try await Self.onPool { try self.run(sql, values, onRow) }
    }

    private static let encoder = SQLiteDataEncoder()

    /// Runs `body` on SQLite's thread pool and waits for it. Unlike the pool's async `runIfActive`, a cancelled task
    /// still gets its answer: a request whose client went away reads on, and a transaction under way ends as it
    /// would have, as it did through Fluent.
    static func onPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            NIOThreadPool.singleton.submit { state in
                guard case .active = state else {
                    return continuation.resume(throwing: NIOThreadPoolError.ThreadPoolInactive())
                }
                continuation.resume(with: Result(catching: body))
            }
        }
    }

    /// The kept statement for the text, or one prepared now: kept unless it has more than `keptBindLimit` binds
    /// (making room by dropping the least recently run).
    private func statement(for sql: String) throws -> Prepared {
        runs += 1
        if let kept = kept[sql] {
            kept.lastRun = runs
            return kept
        }
        guard let handle else { throw SQLiteFailure(SQLITE_MISUSE, nil, "closed connection") }
        var statement: OpaquePointer?
        let prepared = sqlite_nio_sqlite3_prepare_v3(
            handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard prepared == SQLITE_OK, let statement else {
            sqlite_nio_sqlite3_finalize(statement)
            throw SQLiteFailure(prepared, handle, sql)
        }
        let fresh = Prepared(statement: statement, lastRun: runs)
        guard sqlite_nio_sqlite3_bind_parameter_count(statement) <= Self.keptBindLimit else { return fresh }
        if kept.count >= Self.keptStatements, let oldest = kept.min(by: { $0.value.lastRun < $1.value.lastRun }) {
            kept[oldest.key] = nil
        }
        kept[sql] = fresh
        return fresh
    }

    private func bind(_ values: [SQLiteData], to statement: OpaquePointer) throws {
        for (offset, value) in values.enumerated() {
            let place = Int32(offset + 1)
            let bound: Int32
            switch value {
            case .integer(let integer): bound = sqlite_nio_sqlite3_bind_int64(statement, place, Int64(integer))
            case .float(let float): bound = sqlite_nio_sqlite3_bind_double(statement, place, float)
            case .text(let text):
                bound = sqlite_nio_sqlite3_bind_text64(
                    statement, place, text, UInt64(text.utf8.count), transient, UInt8(SQLITE_UTF8))
            case .blob(let blob):
                bound = blob.withUnsafeReadableBytes {
                    sqlite_nio_sqlite3_bind_blob64(statement, place, $0.baseAddress, UInt64($0.count), transient)
                }
            case .null: bound = sqlite_nio_sqlite3_bind_null(statement, place)
            }
            guard bound == SQLITE_OK else { throw SQLiteFailure(bound, handle, "bind \(place)") }
        }
    }

    /// The current row's values, copied out of SQLite's memory (valid only until the next step).
    private func row(of statement: OpaquePointer) throws -> [SQLiteData] {
        let count = sqlite_nio_sqlite3_column_count(statement)
        var values: [SQLiteData] = []
        values.reserveCapacity(Int(count))
        for column in 0..<count {
            switch sqlite_nio_sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER: values.append(.integer(Int(sqlite_nio_sqlite3_column_int64(statement, column))))
            case SQLITE_FLOAT: values.append(.float(sqlite_nio_sqlite3_column_double(statement, column)))
            case SQLITE_TEXT:
                // The text before its byte count: asking for the text converts it to UTF-8 where it is stored
                // otherwise, and the count is of what the conversion left.
                let text = sqlite_nio_sqlite3_column_text(statement, column)
                let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
                guard let text else { throw SQLiteFailure(SQLITE_NOMEM, handle, "column \(column)") }
                values.append(.text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self)))
            case SQLITE_BLOB:
                let bytes = sqlite_nio_sqlite3_column_blob(statement, column)
                let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
                var buffer = ByteBufferAllocator().buffer(capacity: length)
                if let bytes { buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: length)) }
                values.append(.blob(buffer))
            default: values.append(.null)
            }
        }
        return values
    }
}

/// SQLite's marker for "copy the bound bytes now" (the C macro `SQLITE_TRANSIENT`, which Swift does not import).
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A statement's column names, looked up by name for every value decoded.
final class SQLiteColumns: Sendable {
    let names: [String]
    let offsets: [String: Int]

    fileprivate init(_ statement: OpaquePointer) {
        let names = (0..<sqlite_nio_sqlite3_column_count(statement)).map { column in
            sqlite_nio_sqlite3_column_name(statement, column).map { String(cString: $0) } ?? ""
        }
        self.names = names
        // The first of two columns with one name wins, as SQLiteNIO's rows have it.
        self.offsets = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// A row read on one of Regie's own connections, decoded as SQLiteKit decodes SQLiteNIO's rows.
struct SQLiteReadRow: SQLRow {
    let columns: SQLiteColumns
    let values: [SQLiteData]
    let decoder: SQLiteDataDecoder

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.offsets[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let offset = columns.offsets[column] else { return true }
        return values[offset] == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let offset = columns.offsets[column] else {
            throw DecodingError.keyNotFound(
                ColumnKey(column), .init(codingPath: [], debugDescription: "No column \(column) in the row."))
        }
        return try SQLiteCommonValues.read(values[offset], as: D.self) ?? decoder.decode(D.self, from: values[offset])
    }
}

/// A column name as a coding key, for the error of a column the row does not have.
private struct ColumnKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// What SQLite answered when a call on one of Regie's own connections failed, with its own message.
struct SQLiteFailure: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    let doing: String

    init(_ code: Int32, _ handle: OpaquePointer?, _ doing: String) {
        self.code = code
        self.message =
            handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite_nio_sqlite3_errstr(code))
        self.doing = doing
    }

    var description: String { "SQLite error \(code): \(message) (\(doing))" }

    /// A UNIQUE constraint or primary key already holds the value: SQLite's extended result codes
    /// `SQLITE_CONSTRAINT_UNIQUE` and `_PRIMARYKEY`, C macros Swift does not import.
    var isUniqueViolation: Bool { code == SQLITE_CONSTRAINT | (8 << 8) || code == SQLITE_CONSTRAINT | (6 << 8) }
}
