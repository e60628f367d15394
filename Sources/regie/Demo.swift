import ArgumentParser
import Foundation
import Logging
import RegieCore
import RegieWeb

extension DemoScale: ExpressibleByArgument {}

/// `regie demo`: load the fictional demo region into a database, or with `--scale` a generated region for
/// measuring (bench/).
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Laad de fictieve demoregio.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Genereer een regio om te meten: klein (1.000 huishoudens), regio (100.000) of groot (1.000.000).")
    var scale: DemoScale?
    @Option(help: "Startwaarde voor --scale: dezelfde waarde geeft dezelfde huishoudens.")
    var seed: UInt64 = 2026

    func run() async throws {
        let db = try await database.open(logger: Logger(label: "regie.demo"))
        let accounts = AccountService(database: db, hasher: PasswordHasher(cost: 12))
        let profiles = try ProfileLibrary.bundled()
        if let scale {
            let start = Date()
            try await ScaleRegion(accounts: accounts, scale: scale, seed: seed).load(profiles: profiles) { done, all in
                let seconds = Int(Date().timeIntervalSince(start))
                print("  \(done) / \(all) huishoudens (\(done * 100 / all) %, \(seconds) s)")
            }
            print(
                "Schaalregio ‘\(scale.rawValue)’ staat klaar. Inloggen: \(ScaleRegion.benchLogin) / \(DemoRegion.password)"
            )
        } else {
            let logins = try await DemoRegion(accounts: accounts).load(profiles: profiles)
            print("Demoregio staat klaar. Wachtwoord voor alle demogebruikers: \(DemoRegion.password)")
            for login in logins { print("  \(login.email)  \(login.description)") }
            print("Start daarna: regie serve --demo")
            DemoRegion.tour.forEach { print($0) }
        }
        await db.shutdown()
    }
}
