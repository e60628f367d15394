import Foundation
import SQLKit

/// Backup and restore of the embedded database. A backup is a consistent snapshot taken while Regie keeps
/// serving (`VACUUM INTO` reads in one transaction, so it sees every committed change and none half-done); it is
/// written beside its destination and renamed into place only after SQLite's integrity check passed, so a
/// backup file is always whole. PostgreSQL uses `pg_dump`/`pg_restore` (docs/backup.md).
public enum SQLiteBackup {
    /// What a checked database file holds.
    public struct Summary: Sendable, Equatable {
        public let migrations: Int
        public let tables: Int
        public let rows: Int
    }

    /// Why a backup or restore did not happen, in words for the operator.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notSQLite
        case exists(String)
        case missing(String)
        case damaged(String)
        case newerThanThisVersion(String)
        case inUse(String)

        public var description: String {
            switch self {
            case .notSQLite:
                return
                    "Dit werkt alleen voor de ingebouwde SQLite-database; gebruik voor PostgreSQL pg_dump (docs/backup.md)."
            case .exists(let path): return "\(path) bestaat al; kies een nieuwe bestandsnaam."
            case .missing(let path): return "\(path) bestaat niet."
            case .damaged(let detail): return "De back-up is beschadigd of geen Regie-database: \(detail)"
            case .newerThanThisVersion(let name):
                return
                    "De back-up komt van een nieuwere Regie (migratie \(name) is hier onbekend); werk Regie eerst bij."
            case .inUse(let path):
                return "\(path)-wal bestaat: Regie gebruikt de database nog (of stopte niet netjes). Stop Regie eerst; "
                    + "na een crash: --force."
            }
        }
    }

    /// Writes a consistent copy of `database` to `target` (which must not exist yet) and checks it.
    /// The copy is written through a connection of its own: the reading connections refuse to write
    /// (`PRAGMA query_only`), and `VACUUM INTO` counts as writing, while the transactions' connection would hold every
    /// write back for as long as the copy takes.
    public static func backup(_ database: RegieDatabase, to target: String) async throws -> Summary {
        guard case .sqlite(let path) = database.location else { throw Failure.notSQLite }
        guard !FileManager.default.fileExists(atPath: target) else { throw Failure.exists(target) }
        let partial = target + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        try await SQLiteOwnConnection.onPool {
            let connection = try SQLiteOwnConnection(path: path, pragmas: RegieDatabase.connectionPragmas)
            defer { connection.close() }
            try connection.run("VACUUM INTO ?1", [.text(partial)]) { _ in }
        }
        do {
            let summary = try await check(partial)
            try Self.rename(partial, over: target)
            return summary
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// Puts the backup at `backup` in place of the database file at `target`. Refuses while the target is in use
    /// (its WAL file exists) unless `force`; checks a copy first, so a damaged backup never replaces anything.
    public static func restore(from backup: String, to target: String, force: Bool = false) async throws -> Summary {
        guard FileManager.default.fileExists(atPath: backup) else { throw Failure.missing(backup) }
        if !force, FileManager.default.fileExists(atPath: target + "-wal") { throw Failure.inUse(target) }
        let partial = target + ".restoring"
        try? FileManager.default.removeItem(atPath: partial)
        try FileManager.default.copyItem(atPath: backup, toPath: partial)
        do {
            let summary = try await check(partial)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
            try Self.rename(partial, over: target)
            return summary
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// Opens a database file, runs SQLite's integrity check, makes sure this version of Regie knows every migration
    /// in it, and counts its tables and rows.
    public static func check(_ path: String) async throws -> Summary {
        guard FileManager.default.fileExists(atPath: path) else { throw Failure.missing(path) }
        let database: RegieDatabase
        do {
            database = try await RegieDatabase.open(.sqlite(path: path))
        } catch {
            throw Failure.damaged(String(describing: error))
        }
        do {
            let summary = try await check(database)
            await database.shutdown()
            return summary
        } catch {
            await database.shutdown()
            throw error
        }
    }

    private static func check(_ database: RegieDatabase) async throws -> Summary {
        let db = database.sql
        let verdict = try await db.raw("PRAGMA integrity_check").all().first?.decode(
            column: "integrity_check", as: String.self)
        guard verdict == "ok" else { throw Failure.damaged(verdict ?? "geen antwoord") }
        let migrations: [String]
        do {
            migrations = try await database.appliedMigrations()
        } catch {
            throw Failure.damaged("geen migratietabel")
        }
        let known = Set(RegieMigrations.all.map(\.name))
        if let unknown = migrations.first(where: { !known.contains($0) }) {
            throw Failure.newerThanThisVersion(unknown)
        }
        var rows = 0
        let tables = try await tableNames(db)
        for table in tables {
            rows +=
                try await db.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self)
                ?? 0
        }
        return Summary(migrations: migrations.count, tables: tables.count, rows: rows)
    }

    /// Puts `source` in place of `target` in one step (POSIX rename): whoever looks sees the old file or the new
    /// one, never a missing or half-written one.
    private static func rename(_ source: String, over target: String) throws {
        guard Foundation.rename(source, target) == 0 else {
            throw Failure.damaged("hernoemen naar \(target) mislukte (fout \(errno))")
        }
    }

    /// Every table of a SQLite database, by name.
    static func tableNames(_ db: any SQLDatabase) async throws -> [String] {
        try await db.raw(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).all().map { try $0.decode(column: "name", as: String.self) }
    }

    /// Every row of every table as text (SQLite's `quote` of each column), sorted per table: two databases with the
    /// same contents give the same result — for proving a backup round trip lost nothing.
    public static func contents(_ database: RegieDatabase) async throws -> [String: [String]] {
        guard database.backend == .sqlite else { throw Failure.notSQLite }
        let db = database.sql
        var result: [String: [String]] = [:]
        for table in try await tableNames(db) {
            let columns = try await db.raw("SELECT name FROM pragma_table_info(\(bind: table)) ORDER BY cid").all()
                .map { "quote(\"\(try $0.decode(column: "name", as: String.self))\")" }
            let row = columns.joined(separator: " || '|' || ")
            result[table] = try await db.raw("SELECT \(unsafeRaw: row) AS r FROM \(ident: table) ORDER BY 1").all()
                .map { try $0.decode(column: "r", as: String.self) }
        }
        return result
    }
}
