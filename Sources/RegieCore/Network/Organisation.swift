import Foundation

/// A partner organisation (police, housing corporation, GGZ, school …) whose staff use Regie.
public struct Organisation: Sendable, Codable, Hashable, Identifiable {
    public let id: OrganisationID
    public var name: String
    public var kind: OrganisationKind
    public var active: Bool
    public let createdAt: Date

    public init(
        id: OrganisationID = OrganisationID(), name: String, kind: OrganisationKind, active: Bool = true,
        createdAt: Date = Date()
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.active = active
        self.createdAt = createdAt
    }
}
