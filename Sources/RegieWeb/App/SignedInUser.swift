import RegieCore
import RegieStore

/// The user behind a request, as the routes see them: account, organisation name and every role.
public struct SignedInUser: Sendable {
    public let account: UserAccount
    public let organisationName: String
    public let assignments: Set<RoleAssignment>
    /// What the page frame shows, read with the user at the start of the request; `nil` when the user was made
    /// otherwise, and the frame then reads it itself.
    public var frame: Frame? = nil

    /// The directory's version, the user's unread messages and the fact stamps of the networks they hold a role in,
    /// as read with the user.
    public struct Frame: Sendable {
        public let directory: Int64
        public let unread: Int
        public var stamps: [NetworkID: HouseholdStore.NetworkStamp] = [:]
    }

    /// The user as the access policy sees them.
    public var actor: AccessActor {
        AccessActor(user: account.id, organisation: account.organisation, assignments: assignments)
    }

    public var isAdministrator: Bool { assignments.contains { $0.role == .administrator } }

    public func holds(_ role: Role) -> Bool { assignments.contains { $0.role == role } }
}
