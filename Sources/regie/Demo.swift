import ArgumentParser
import Logging
import RegieCore
import RegieWeb

/// `regie demo`: load the fictional demo region into a database.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Laad de fictieve demoregio.")
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let db = try await database.open(logger: Logger(label: "regie.demo"))
        let accounts = AccountService(database: db, hasher: PasswordHasher(cost: 12))
        let logins = try await DemoRegion(accounts: accounts).load(profiles: try ProfileLibrary.bundled())
        print("Demoregio staat klaar. Wachtwoord voor alle demogebruikers: \(DemoRegion.password)")
        for login in logins { print("  \(login.email)  \(login.description)") }
        print("Start daarna: regie serve --demo")
        DemoRegion.tour.forEach { print($0) }
        await db.shutdown()
    }
}
