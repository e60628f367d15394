import ArgumentParser
import Foundation
import Logging
import RegieStore

/// `--db`, shared by every command: a SQLite file path (default `./regie.sqlite`) or a `postgres://` URL.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite-bestand of postgres://gebruiker@host:poort/database (ook: REGIE_DB).")
    var db: String?

    /// Opens and migrates the database.
    func open(logger: Logger) async throws -> RegieDatabase {
        let text = db ?? ProcessInfo.processInfo.environment["REGIE_DB"] ?? "regie.sqlite"
        let database = try await RegieDatabase.open(try DatabaseLocation(parsing: text), logger: logger)
        do {
            try await database.migrate()
        } catch {
            await database.shutdown()
            throw error
        }
        return database
    }
}
