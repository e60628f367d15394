/// What a user may do in a network. A user can hold several roles, each in one network.
///
/// The administrator role is the exception: it is held region-wide (functioneel beheer) and never grants
/// access to household content.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    case networkDirector = "network_director"
    case caseDirector = "case_director"
    case partnerWorker = "partner_worker"
    case supportStaff = "support_staff"
    case processManager = "process_manager"
    case policyOfficer = "policy_officer"
    case administrator

    /// Key into the translation table for the generic name; profiles may give a local display name.
    public var textKey: String { "role.\(rawValue)" }

    /// Roles that are held per network; the administrator role is region-wide.
    public var isNetworkScoped: Bool { self != .administrator }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One role held in one network (or region-wide for administrators, `network == nil`).
public struct RoleAssignment: Hashable, Sendable, Codable {
    public let role: Role
    public let network: NetworkID?

    public init(role: Role, network: NetworkID?) {
        self.role = role
        self.network = network
    }
}
