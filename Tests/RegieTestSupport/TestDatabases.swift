import Foundation
import Logging
import RegieStore

/// Runs store and web tests on every backend: always on a fresh SQLite file, and on a fresh PostgreSQL
/// database when `TEST_POSTGRES_URL` names a server (CI starts one).
public enum TestDatabases {
    /// The backends this run covers.
    public static var backends: [RegieDatabase.Backend] {
        ProcessInfo.processInfo.environment["TEST_POSTGRES_URL"] == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    /// Opens a fresh, migrated database of `backend`, runs `body`, and removes the database again.
    public static func with<T>(_ backend: RegieDatabase.Backend, _ body: (RegieDatabase) async throws -> T)
        async throws -> T
    {
        var logger = Logger(label: "regie.test")
        logger.logLevel = .warning
        switch backend {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("regie-test-\(UUID().uuidString).sqlite").path
            let db = try await RegieDatabase.open(.sqlite(path: path), logger: logger)
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            try await db.migrate()
            do {
                let result = try await body(db)
                await db.shutdown()
                return result
            } catch {
                await db.shutdown()
                throw error
            }
        case .postgres:
            let url = ProcessInfo.processInfo.environment["TEST_POSTGRES_URL"]!
            guard case .postgres(let adminSettings) = try DatabaseLocation(parsing: url) else {
                fatalError("TEST_POSTGRES_URL is not a postgres:// URL")
            }
            let name = "regie_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
            let admin = try await ServerAdmin.shared.database(adminSettings, logger)
            try await admin.sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
            var settings = adminSettings
            settings.database = name
            settings.keepsConnections = false
            let db = try await RegieDatabase.open(.postgres(settings), logger: logger)
            var failure: (any Error)?
            var result: T?
            do {
                try await db.migrate()
                result = try await body(db)
            } catch {
                failure = error
            }
            await db.shutdown()
            try await admin.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
            if let failure { throw failure }
            return result!
        }
    }
}

/// One pool on the server's maintenance database for the whole test run, for creating and dropping each test's
/// database: opening and closing a client around every statement meant three client lifetimes per test, some two
/// hundred at once when the tests start in parallel. It is never closed; the test process ends with it.
private actor ServerAdmin {
    static let shared = ServerAdmin()
    private var opening: Task<RegieDatabase, any Error>?

    func database(_ settings: DatabaseLocation.PostgresSettings, _ logger: Logger) async throws -> RegieDatabase {
        if let opening { return try await opening.value }
        var settings = settings
        settings.keepsConnections = false
        let task = Task { [settings] in try await RegieDatabase.open(.postgres(settings), logger: logger) }
        opening = task
        return try await task.value
    }
}
