import ArgumentParser
import Foundation
import Logging
import RegieCore
import RegieStore
import RegieWeb

/// `regie user create`: add a user without the web interface (e.g. the first administrator).
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Beheer gebruikers.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Maak een gebruiker aan.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Volledige naam.") var name: String
        @Option(help: "E-mailadres (inlognaam).") var email: String
        @Option(help: "Naam van de organisatie (moet bestaan).") var organisation: String
        @Option(name: .customLong("role"), help: "Rol, als 'administrator' of 'rol@Netwerknaam'; herhaalbaar.")
        var roles: [String] = []
        @Flag(help: "Lees het wachtwoord van standaardinvoer (anders: REGIE_PASSWORD).") var passwordStdin = false

        func run() async throws {
            let db = try await database.open(logger: Logger(label: "regie.cli"))
            defer { Task { await db.shutdown() } }
            let password =
                passwordStdin
                ? (readLine(strippingNewline: true) ?? "")
                : (ProcessInfo.processInfo.environment["REGIE_PASSWORD"] ?? "")
            guard let org = try await OrganisationStore.find(name: organisation, on: db.sql) else {
                throw ValidationError(
                    "Organisatie '\(organisation)' bestaat niet. Maak haar eerst aan met 'regie organisation create'.")
            }
            var assignments = Set<RoleAssignment>()
            for text in roles {
                let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
                guard let role = Role(rawValue: parts[0]) else { throw ValidationError("Onbekende rol '\(parts[0])'.") }
                guard role.isNetworkScoped else {
                    assignments.insert(RoleAssignment(role: role, network: nil)); continue
                }
                guard parts.count == 2, let network = try await NetworkStore.find(name: parts[1], on: db.sql) else {
                    throw ValidationError(
                        "Rol '\(text)': geef het netwerk als rol@Netwerknaam (het netwerk moet bestaan).")
                }
                assignments.insert(RoleAssignment(role: role, network: network.id))
            }
            let service = AccountService(database: db, hasher: PasswordHasher(cost: 12))
            do {
                let user = try await service.createUser(
                    .init(name: name, email: email, organisation: org.id, password: password, roles: assignments),
                    by: nil)
                print("Gebruiker \(user.email) aangemaakt (\(user.id)).")
            } catch let errors as FieldErrors {
                let texts = try Translations.bundled()
                throw ValidationError(
                    errors.messages.map { "\($0.key): \(texts.text($0.value, "nl"))" }.sorted()
                        .joined(separator: "\n"))
            }
        }
    }
}

/// `regie organisation create`: add a partner organisation without the web interface.
struct OrganisationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "organisation", abstract: "Beheer organisaties.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Maak een organisatie aan.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Naam.") var name: String
        @Option(help: "Soort: \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: String

        func run() async throws {
            guard let kind = OrganisationKind(rawValue: kind) else {
                throw ValidationError(
                    "Onbekende soort '\(kind)'. Kies uit: \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            let db = try await database.open(logger: Logger(label: "regie.cli"))
            let service = AccountService(database: db, hasher: PasswordHasher(cost: 12))
            do {
                let organisation = try await service.createOrganisation(name: name, kind: kind, by: nil)
                print("Organisatie \(organisation.name) aangemaakt (\(organisation.id)).")
            } catch let errors as FieldErrors {
                await db.shutdown()
                throw ValidationError(
                    errors.messages.keys.contains("name") ? "Deze naam bestaat al of is leeg." : "\(errors)")
            }
            await db.shutdown()
        }
    }
}
