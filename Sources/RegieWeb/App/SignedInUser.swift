import RegieCore

/// The user behind a request, as the routes see them: account, organisation name and every role.
public struct SignedInUser: Sendable {
    public let account: UserAccount
    public let organisationName: String
    public let assignments: Set<RoleAssignment>

    /// The user as the access policy sees them.
    public var actor: AccessActor {
        AccessActor(user: account.id, organisation: account.organisation, assignments: assignments)
    }

    public var isAdministrator: Bool { assignments.contains { $0.role == .administrator } }

    public func holds(_ role: Role) -> Bool { assignments.contains { $0.role == role } }
}
