import ArgumentParser
import Logging

/// `regie migrate`: bring a database up to date and list the applied migrations.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Werk het databaseschema bij.")
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let db = try await database.open(logger: Logger(label: "regie.migrate"))
        for name in try await db.appliedMigrations() { print("toegepast: \(name)") }
        print("Database \(db.location) is bijgewerkt.")
        await db.shutdown()
    }
}
