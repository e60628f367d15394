import ArgumentParser

/// The `regie` command: serve the web application and administer a database.
@main
struct Regie: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regie",
        abstract: "Regie — coördinatie van zorg voor multiprobleemhuishoudens.",
        subcommands: [
            Serve.self, Migrate.self, Demo.self, Backup.self, Restore.self, UserCommand.self, OrganisationCommand.self,
        ])
}
