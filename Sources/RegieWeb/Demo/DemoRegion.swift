import Foundation
import RegieCore
import RegieStore

/// A fictional demo region: partner organisations, one network per workflow profile and a user for every
/// role, so a newcomer can log in and look around. Every name is made up.
public struct DemoRegion: Sendable {
    /// The password of every demo user; printed at start-up and only ever used on demo data.
    public static let password = "regie-demo-2026"
    /// The marker that tells a second start that the demo region exists already.
    static let markerNetwork = "Rotterdam-Noord (demo)"

    /// One demo login for the start-up message.
    public struct Login: Sendable {
        public let email: String
        public let description: String
    }

    let accounts: AccountService

    public init(accounts: AccountService) { self.accounts = accounts }

    static let organisations: [(String, OrganisationKind)] = [
        ("GGD Regio Demo", .ggd), ("Politie Eenheid Demo", .police),
        ("Woonstichting De Hoeksteen", .housingCorporation),
        ("Maatschappelijk Werk Samen", .generalSocialWork), ("GGZ De Brug", .mentalHealth),
        ("Verslavingszorg Het Anker", .addictionCare), ("Schuldhulp Op Orde", .debtRelief),
        ("Jeugdzorg Kompas", .youthCare), ("Huisartsenpraktijk De Linde", .generalPractitioner),
        ("Basisschool De Regenboog", .school), ("Gemeente Demostad", .municipality),
        ("Veilig Thuis Demo", .veiligThuis),
    ]

    static let networks: [(name: String, municipality: String, profile: String, areas: [String])] = [
        (markerNetwork, "Rotterdam", "rotterdam", ["Oude Noorden", "Liskwartier", "Bergpolder"]),
        ("Sociaal team Leeuwarden-Oost (demo)", "Leeuwarden", "leeuwarden", ["Oosterpoort", "Vrijheidswijk"]),
        ("Wijkzorgteam Enschede-Zuid (demo)", "Enschede", "enschede", ["Wesselerbrink", "Helmerhoek"]),
        ("Zorgnetwerk Venlo (demo)", "Venlo", "venlo", ["Venlo-Oost", "Blerick"]),
        ("Regiegroep Zwolle (demo)", "Zwolle", "zwolle", ["Holtenbroek", "Diezerpoort"]),
        ("Gezinsoverleg Amsterdam-West (demo)", "Amsterdam", "amsterdam", ["Bos en Lommer", "De Baarsjes"]),
        ("Wijkteam Demostad-Centrum (demo)", "Demostad", "routekaart", ["Centrum", "Noord"]),
    ]

    /// Loads the region unless it is there already; returns the logins to print.
    @discardableResult
    public func load(profiles: ProfileLibrary) async throws -> [Login] {
        let db = accounts.database.sql
        if try await NetworkStore.find(name: Self.markerNetwork, on: db) == nil {
            try await create(profiles: profiles)
        }
        return Self.logins
    }

    private func create(profiles: ProfileLibrary) async throws {
        var organisations: [String: Organisation] = [:]
        for (name, kind) in Self.organisations {
            organisations[name] = try await accounts.createOrganisation(name: name, kind: kind, by: nil)
        }
        var networks: [String: NetworkID] = [:]
        for spec in Self.networks {
            let network = Network(
                name: spec.name, municipality: spec.municipality, neighbourhoods: spec.areas,
                profileCode: spec.profile)
            let members = organisations.values.map { org in
                NetworkMember(
                    network: network.id, organisation: org.id,
                    partnerType: [.school, .generalPractitioner].contains(org.kind) ? .shell : .core)
            }
            try await accounts.saveNetwork(network, members: members, isNew: true, profiles: profiles, by: nil)
            networks[spec.profile] = network.id
        }
        for user in Self.users {
            let roles = Set(user.roles.map { RoleAssignment(role: $0.0, network: $0.1.flatMap { networks[$0] }) })
            _ = try await accounts.createUser(
                .init(
                    name: user.name, email: user.email, organisation: organisations[user.organisation]?.id,
                    password: Self.password, roles: roles), by: nil)
        }
        try await DemoSignals.load(accounts: accounts, networks: networks, calendar: WorkingDayCalendar())
        for (index, spec) in Self.networks.enumerated() {
            guard let network = networks[spec.profile], let profile = profiles.profile(code: spec.profile) else {
                continue
            }
            let cast = try await cast(
                network: network, profile: profile, municipality: spec.municipality, areas: spec.areas,
                organisations: organisations)
            try await DemoCases.load(cast, index: index, database: accounts.database, calendar: WorkingDayCalendar())
        }
        if let enschede = networks["enschede"] {
            try await accounts.database.write { db in
                try await CareBudgetStore.setAmount(
                    Euro(cents: 2_500_000), year: Day(Date()).year, in: enschede, by: nil, on: db)
            }
        }
    }

    /// The demo users who act in a network's stories: its director, a case director, a partner worker who signals
    /// and takes on commitments, and the partners asked in an information round.
    private func cast(
        network: NetworkID, profile: WorkflowProfile, municipality: String, areas: [String],
        organisations: [String: Organisation]
    ) async throws -> DemoCases.Cast {
        let db = accounts.database.sql
        func first(_ role: Role) async throws -> UserAccount? {
            let users = try await UserStore.users(with: role, in: network, on: db)
            return users.min { $0.email < $1.email }
        }
        func actor(_ user: UserAccount) async throws -> AccessActor {
            AccessActor(
                user: user.id, organisation: user.organisation,
                assignments: try await UserStore.roles(of: user.id, on: db))
        }
        guard let director = try await first(.networkDirector) else { throw StoreError.notFound("demo director") }
        let partner = try await first(.partnerWorker)
        let caseDirector = try await first(.caseDirector) ?? director
        return DemoCases.Cast(
            network: network, profile: profile, municipality: municipality, areas: areas,
            director: try await actor(director), caseDirector: caseDirector,
            caseDirectorActor: try await actor(caseDirector),
            reporter: try await actor(partner ?? director), partner: partner,
            organisations: ["Woonstichting De Hoeksteen", "GGZ De Brug"].compactMap { organisations[$0]?.id })
    }

    static let users: [(name: String, email: String, organisation: String, roles: [(Role, String?)])] = [
        ("Bea Beheer", "beheer@demo.regie.nl", "Gemeente Demostad", [(.administrator, nil)]),
        (
            "Noor de Regisseur", "noor@demo.regie.nl", "GGD Regio Demo",
            [(.networkDirector, "rotterdam"), (.networkDirector, "routekaart")]
        ),
        (
            "Teun Teamleider", "teun@demo.regie.nl", "Gemeente Demostad",
            [(.networkDirector, "enschede"), (.networkDirector, "leeuwarden")]
        ),
        (
            "Carla Casus", "carla@demo.regie.nl", "Maatschappelijk Werk Samen",
            [(.caseDirector, "rotterdam"), (.caseDirector, "enschede"), (.caseDirector, "routekaart")]
        ),
        (
            "Pim Partner", "pim@demo.regie.nl", "Woonstichting De Hoeksteen",
            [
                (.partnerWorker, "rotterdam"), (.partnerWorker, "zwolle"), (.partnerWorker, "enschede"),
                (.partnerWorker, "routekaart"),
            ]
        ),
        (
            "Gert GGZ", "gert@demo.regie.nl", "GGZ De Brug",
            [
                (.partnerWorker, "rotterdam"), (.partnerWorker, "leeuwarden"), (.partnerWorker, "venlo"),
                (.partnerWorker, "amsterdam"),
            ]
        ),
        (
            "Sanne Steun", "sanne@demo.regie.nl", "GGD Regio Demo",
            [(.supportStaff, "rotterdam"), (.supportStaff, "enschede")]
        ),
        (
            "Anouk Adviseur", "anouk@demo.regie.nl", "Gemeente Demostad",
            [(.networkDirector, "zwolle"), (.networkDirector, "venlo")]
        ),
        ("Vera Verbinder", "vera@demo.regie.nl", "Verslavingszorg Het Anker", [(.caseDirector, "venlo")]),
        ("Ravi Risicogezinnen", "ravi@demo.regie.nl", "Gemeente Demostad", [(.networkDirector, "amsterdam")]),
        ("Gina Gezinsmanager", "gina@demo.regie.nl", "Jeugdzorg Kompas", [(.caseDirector, "amsterdam")]),
        ("Paul Proces", "paul@demo.regie.nl", "Gemeente Demostad", [(.processManager, "amsterdam")]),
        (
            "Bram Beleid", "bram@demo.regie.nl", "Gemeente Demostad",
            [(.policyOfficer, "rotterdam"), (.policyOfficer, "amsterdam"), (.policyOfficer, "enschede")]
        ),
    ]

    /// What to try first, printed after the logins: one walk per kind of user through what the region shows.
    public static let tour = [
        "Wat u eerst kunt proberen:",
        "  1. noor@demo.regie.nl (coördinator Rotterdam): de werklijst toont meldingen die op een besluit wachten,",
        "     een heropende casus zonder regisseur, stagnerende zorg en een opschaling die op een besluit wacht.",
        "  2. pim@demo.regie.nl (woningcorporatie): doe een melding en volg die onder ‘Mijn meldingen’;",
        "     onder ‘Verzoeken’ wachten afspraken uit plannen op uw antwoord.",
        "  3. teun@demo.regie.nl (teamleider Enschede): de signaallijst met de norm van 5 werkdagen, casussen in elke",
        "     fase, en onder Cijfers het zorginkoopbudget van € 25.000 dat u bij een opschaling kunt inzetten.",
        "  4. ravi@demo.regie.nl (Amsterdam): gezinsniveaus 0–4 per casus; paul@demo.regie.nl ziet als",
        "     procesmanager alleen het proces.",
        "  5. bram@demo.regie.nl (gemeente): cijfers zonder kleine aantallen, beleidssignalen, wijken en het budget.",
        "  6. beheer@demo.regie.nl: netwerken met hun profiel en aanpassingen per netwerk, organisaties en gebruikers.",
    ]

    static var logins: [Login] {
        users.map { user in
            Login(
                email: user.email,
                description: "\(user.name) — "
                    + user.roles.map { "\($0.0.rawValue)\($0.1.map { "@\($0)" } ?? "")" }
                    .joined(separator: ", "))
        }
    }
}
