import ArgumentParser
import Foundation
import Hummingbird
import Logging
import RegieCore
import RegieWeb

/// `regie serve`: migrate, optionally load the demo region, and serve HTTP.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start de webserver.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Adres om op te luisteren.") var host = "127.0.0.1"
    @Option(help: "Poort.") var port = 8080
    @Flag(help: "Laad de demoregio (alleen als die er nog niet is) en toon de demologins.") var demo = false
    @Flag(help: "Regie draait achter HTTPS: cookies krijgen het Secure-kenmerk.") var secureCookies = false
    @Option(
        help:
            "Rollen die tweestapsverificatie moeten gebruiken, komma-gescheiden, of 'none'. Standaard: administrator,network_director; met --demo: none."
    )
    var totpRequired: String?
    @Option(help: "bcrypt-kosten (10–14).") var bcryptCost: UInt8 = 12
    @Option(help: "SMTP-relay voor e-mailmeldingen als host:poort; zonder deze optie alleen meldingen in Regie.")
    var smtp: String?
    @Option(help: "Afzenderadres van e-mailmeldingen.") var mailFrom = "regie@localhost"
    @Option(help: "Het adres waarop gebruikers Regie openen, voor de link in e-mails.") var publicUrl: String?
    @Option(help: "Seconden tussen twee rondes van de normbewaking (termijnen, nazorg, e-mail).")
    var watchInterval = 60
    @Option(help: "Kleinste aantal dat cijfers voor beleid en per wijk tonen; kleinere aantallen worden \"<n\".")
    var minimumCell = SmallNumberSuppression.defaultMinimum
    @Option(help: "Map met eigen profielbestanden (*.json) naast de meegeleverde; zie docs/profiles.md.")
    var profiles: String?
    @Option(
        help:
            "Logniveau: trace, debug, info, notice, warning, error of critical. Op 'trace' staat ook elke SQL-opdracht in de log."
    )
    var logLevel: Logger.Level = .info

    func run() async throws {
        MallocArenas.limit(to: MallocArenas.serverLimit)
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        var logger = Logger(label: "regie")
        logger.logLevel = logLevel
        let db = try await database.open(logger: logger)
        var configuration = RegieConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.secureCookies = secureCookies
        configuration.bcryptCost = min(max(bcryptCost, 10), 14)
        configuration.totpRequiredRoles = try Self.roles(
            totpRequired ?? (demo ? "none" : "administrator,network_director"))
        configuration.watchInterval = .seconds(max(watchInterval, 1))
        configuration.minimumCellSize = max(minimumCell, 1)
        configuration.profileDirectory = profiles.map { URL(fileURLWithPath: $0, isDirectory: true) }
        if let smtp {
            let parts = smtp.split(separator: ":")
            guard parts.count == 2, let smtpPort = Int(parts[1]) else {
                throw ValidationError("--smtp verwacht host:poort, bijvoorbeeld mail.example.nl:25")
            }
            configuration.mail = MailConfiguration(
                host: String(parts[0]), port: smtpPort, from: mailFrom,
                publicURL: publicUrl ?? "http://\(host):\(port)")
        }
        let app = try await WebApp(database: db, configuration: configuration)
        if demo {
            let logins = try await DemoRegion(accounts: app.accounts).load(profiles: app.profiles)
            say("Demoregio geladen. Wachtwoord voor alle demogebruikers: \(DemoRegion.password)")
            for login in logins { say("  \(login.email)  \(login.description)") }
            if configuration.totpRequiredRoles.isEmpty {
                say("Tweestapsverificatie is in de demo niet verplicht (zet aan met --totp-required).")
            }
            DemoRegion.tour.forEach(say)
        }
        say("Regie draait op http://\(host):\(port) (database: \(db.location))")
        try await RegieApplication.application(app, logger: logger).runService()
        await db.shutdown()
    }

    static func roles(_ text: String) throws -> Set<Role> {
        if text == "none" || text.isEmpty { return [] }
        return Set(
            try text.split(separator: ",").map { name in
                guard let role = Role(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError(
                        "Onbekende rol '\(name)'. Kies uit: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return role
            })
    }
}

/// Writes a line to standard output at once, also when it is a pipe (print would buffer it).
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

/// Lets `--log-level` take swift-log's level names.
extension Logger.Level: @retroactive ExpressibleByArgument {}
