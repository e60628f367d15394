/// The user on whose behalf an access is attempted, with every role they hold.
public struct AccessActor: Sendable, Hashable {
    public let user: UserID
    public let organisation: OrganisationID
    public let assignments: Set<RoleAssignment>
    /// Set when support staff record something on behalf of another user.
    public let onBehalfOf: UserID?

    public init(user: UserID, organisation: OrganisationID, assignments: Set<RoleAssignment>, onBehalfOf: UserID? = nil)
    {
        self.user = user
        self.organisation = organisation
        self.assignments = assignments
        self.onBehalfOf = onBehalfOf
    }

    /// Roles held in `network`.
    public func roles(in network: NetworkID) -> Set<Role> {
        Set(assignments.filter { $0.network == network }.map(\.role))
    }

    /// Whether the user is a region-wide administrator (functioneel beheer).
    public var isAdministrator: Bool { assignments.contains { $0.role == .administrator } }

    /// Networks in which the user holds any role.
    public var networks: Set<NetworkID> { Set(assignments.compactMap(\.network)) }
}
