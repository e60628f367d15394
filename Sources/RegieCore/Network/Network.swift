import Foundation

/// A care network (zorgnetwerk, sociaal team, wijkzorgteam) for an area, working by one workflow profile.
public struct Network: Sendable, Codable, Hashable, Identifiable {
    public let id: NetworkID
    public var name: String
    /// The municipality whose area the network covers.
    public var municipality: String
    /// Neighbourhoods (wijken/buurten) in the area, used for area figures.
    public var neighbourhoods: [String]
    /// Code of the workflow profile, e.g. `enschede`.
    public var profileCode: String
    public var active: Bool
    public let createdAt: Date
    /// How many years after a case is closed its file is kept before the retention purge anonymises it.
    public var retentionYears: Int
    /// The profile settings the administrator changed for this network.
    public var profileOverrides: ProfileOverrides

    /// The retention period when the administrator sets none (Wmo and Jeugdwet practice: 15 years).
    public static let defaultRetentionYears = 15

    public init(
        id: NetworkID = NetworkID(), name: String, municipality: String, neighbourhoods: [String] = [],
        profileCode: String, active: Bool = true, createdAt: Date = Date(),
        retentionYears: Int = Network.defaultRetentionYears, profileOverrides: ProfileOverrides = ProfileOverrides()
    ) {
        self.id = id
        self.name = name
        self.municipality = municipality
        self.neighbourhoods = neighbourhoods
        self.profileCode = profileCode
        self.active = active
        self.createdAt = createdAt
        self.retentionYears = retentionYears
        self.profileOverrides = profileOverrides
    }
}

/// An organisation's membership of a network.
public struct NetworkMember: Sendable, Codable, Hashable {
    public let network: NetworkID
    public let organisation: OrganisationID
    public var partnerType: PartnerType

    public init(network: NetworkID, organisation: OrganisationID, partnerType: PartnerType) {
        self.network = network
        self.organisation = organisation
        self.partnerType = partnerType
    }
}
