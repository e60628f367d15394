import Foundation
import RegieCore
import RegieStore

/// A generated region for measuring Regie at scale (`regie demo --scale`): networks cycling through the seven
/// workflow profiles, a network director, case directors and partner workers per network, and households in every
/// phase whose histories are written through the same stores and access guard as the demo region's — so every page
/// works on them exactly as on real data. Everything is made up; the same seed gives the same region.
public struct ScaleRegion: Sendable {
    let accounts: AccountService
    let scale: DemoScale
    let seed: UInt64
    /// How many households to write: the scale's number, or fewer for a test of the generator itself.
    let households: Int

    public init(accounts: AccountService, scale: DemoScale, seed: UInt64) {
        self.init(accounts: accounts, scale: scale, seed: seed, households: scale.households)
    }

    init(accounts: AccountService, scale: DemoScale, seed: UInt64, households: Int) {
        self.accounts = accounts
        self.scale = scale
        self.seed = seed
        self.households = households
    }

    /// A scale region is generated into an empty database only, so that its figures are its own.
    public struct NotEmpty: Error, CustomStringConvertible {
        public var description: String { "De database is niet leeg: genereer een schaalregio in een nieuwe database." }
    }

    /// The login printed for the benchmarks: the network director of the first generated network.
    public static let benchLogin = "netwerk001.coordinator@schaal.regie.nl"

    static let places = [
        "Rotterdam", "Leeuwarden", "Enschede", "Venlo", "Zwolle", "Amsterdam", "Demostad", "Hengelo", "Deventer",
        "Sneek", "Roermond", "Kampen", "Zaandam", "Schiedam",
    ]

    /// Generates the region into an empty database, calling `progress` with the households written so far.
    public func load(
        profiles: ProfileLibrary, progress: @Sendable (Int, Int) -> Void
    ) async throws {
        guard try await NetworkStore.all(on: accounts.database.sql).isEmpty else {
            throw NotEmpty()
        }
        var organisations: [Organisation] = []
        for (name, kind) in DemoRegion.organisations {
            organisations.append(try await accounts.createOrganisation(name: name, kind: kind, by: nil))
        }
        let hash = try await accounts.hasher.hash(DemoRegion.password)
        var random = SeededGenerator(seed: seed)
        var casts: [[DemoCases.Cast]] = []
        for number in 1...scale.networks {
            casts.append(try await network(number, organisations: organisations, hash: hash, profiles: profiles))
        }
        let calendar = WorkingDayCalendar()
        var written = 0
        // Four histories at a time: each is a chain of awaited writes, so overlapping them keeps the database busy.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<households {
                let networkCasts = casts[index % casts.count]
                let cast = networkCasts[Int.random(in: 0..<networkCasts.count, using: &random)]
                let story = ScaleHouseholds.story(&random)
                let household = ScaleHouseholds.household(story, areas: cast.areas, random: &random)
                if index >= 4 {
                    try await group.next()
                    written += 1
                    if written % max(households / 100, 1) == 0 { progress(written, households) }
                }
                let database = accounts.database
                group.addTask {
                    try await DemoStory(
                        cast: cast, story: story, household: household, database: database, calendar: calendar
                    ).tell()
                }
            }
            try await group.waitForAll()
        }
        try await accounts.database.settleAfterBulkLoad()
        progress(households, households)
    }

    /// Network `number` with its users; returns one cast per case director (each with its own reporting partner).
    private func network(
        _ number: Int, organisations: [Organisation], hash: String, profiles: ProfileLibrary
    ) async throws -> [DemoCases.Cast] {
        let profile = profiles.profiles[(number - 1) % profiles.profiles.count]
        let place = Self.places[(number - 1) % Self.places.count]
        let code = String(format: "%03d", number)
        let network = Network(
            name: "Netwerk \(code) \(place) (schaal)", municipality: place,
            neighbourhoods: ["Noord", "Zuid", "Centrum"],
            profileCode: profile.code)
        let members = organisations.map { NetworkMember(network: network.id, organisation: $0.id, partnerType: .core) }
        try await accounts.saveNetwork(network, members: members, isNew: true, profiles: profiles, by: nil)
        let caseDirectors = max(scale.usersPerNetwork / 5, 1)
        var users: [(UserAccount, Role)] = []
        for slot in 0..<scale.usersPerNetwork {
            let (role, label): (Role, String) =
                slot == 0
                ? (.networkDirector, "coordinator")
                : slot <= caseDirectors ? (.caseDirector, "regisseur\(slot)") : (.partnerWorker, "partner\(slot)")
            let organisation = organisations[(number + slot) % organisations.count]
            let user = UserAccount(
                name: "\(label.capitalized) netwerk \(code)", email: "netwerk\(code).\(label)@schaal.regie.nl",
                organisation: organisation.id)
            try await accounts.database.write { db in
                try await UserStore.insert(user, passwordHash: hash, on: db)
                try await UserStore.setRoles(user.id, [RoleAssignment(role: role, network: network.id)], on: db)
            }
            users.append((user, role))
        }
        func actor(_ user: UserAccount, _ role: Role) -> AccessActor {
            AccessActor(
                user: user.id, organisation: user.organisation,
                assignments: [RoleAssignment(role: role, network: network.id)])
        }
        let director = actor(users[0].0, .networkDirector)
        let partners = users.filter { $0.1 == .partnerWorker }.map(\.0)
        return users.filter { $0.1 == .caseDirector }.enumerated().map { index, pair in
            let partner = partners.isEmpty ? nil : partners[index % partners.count]
            return DemoCases.Cast(
                network: network.id, profile: profile, municipality: place, areas: network.neighbourhoods,
                director: director, caseDirector: pair.0, caseDirectorActor: actor(pair.0, .caseDirector),
                reporter: partner.map { actor($0, .partnerWorker) } ?? director, partner: partner,
                organisations: Array(organisations.prefix(2)).map(\.id))
        }
    }
}
