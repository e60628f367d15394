import ArgumentParser
import Foundation
import Logging
import RegieStore

/// `regie backup`: a consistent copy of the embedded database while Regie keeps serving.
struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Maak een back-up van de SQLite-database terwijl Regie draait (PostgreSQL: pg_dump, zie docs/backup.md).")
    @OptionGroup var database: DatabaseOptions
    @Option(name: .customLong("to"), help: "Het nieuwe back-upbestand (mag nog niet bestaan).") var target: String

    func run() async throws {
        let db = try await database.open(logger: Logger(label: "regie.backup"))
        do {
            let summary = try await SQLiteBackup.backup(db, to: target)
            await db.shutdown()
            print("Back-up \(target): \(summary.tables) tabellen, \(summary.rows) rijen, integriteit gecontroleerd.")
        } catch let failure as SQLiteBackup.Failure {
            await db.shutdown()
            throw ValidationError(failure.description)
        }
    }
}

/// `regie restore`: puts a checked backup in place of the embedded database, with Regie stopped.
struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Zet een back-up terug in plaats van de SQLite-database (stop Regie eerst).")
    @Option(name: .customLong("from"), help: "Het back-upbestand.") var backup: String
    @Option(name: .long, help: "Het databasebestand dat vervangen wordt (standaard ./regie.sqlite; ook: REGIE_DB).")
    var db: String?
    @Flag(help: "Ook als er nog een WAL-bestand ligt (alleen na een crash, nooit terwijl Regie draait).")
    var force = false

    func run() async throws {
        let text = db ?? ProcessInfo.processInfo.environment["REGIE_DB"] ?? "regie.sqlite"
        guard case .sqlite(let path) = try DatabaseLocation(parsing: text) else {
            throw ValidationError(SQLiteBackup.Failure.notSQLite.description)
        }
        do {
            let summary = try await SQLiteBackup.restore(from: backup, to: path, force: force)
            print("Teruggezet naar \(path): \(summary.tables) tabellen, \(summary.rows) rijen. Start Regie opnieuw.")
        } catch let failure as SQLiteBackup.Failure {
            throw ValidationError(failure.description)
        }
    }
}
