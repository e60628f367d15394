/// Who directs a household: the case director (casusregie) and, where another person holds it, process
/// direction (procesregie, seed-002 route step 7). Appointments have start and end days; history is kept.
public struct DirectorAppointment: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Content direction: owns the plan with the household.
        case caseDirection = "casusregie"
        /// Process direction: watches agreements, norms and escalation.
        case processDirection = "procesregie"

        public var textKey: String { "direction.\(rawValue)" }
    }

    public let user: UserID
    public let userName: String
    public let organisationName: String
    public let kind: Kind
    public let startedOn: Day
    public let endedOn: Day?

    public init(
        user: UserID, userName: String, organisationName: String, kind: Kind, startedOn: Day, endedOn: Day? = nil
    ) {
        self.user = user
        self.userName = userName
        self.organisationName = organisationName
        self.kind = kind
        self.startedOn = startedOn
        self.endedOn = endedOn
    }

    public var isCurrent: Bool { endedOn == nil }
}

extension Array where Element == DirectorAppointment {
    /// The current holder of `kind`, if any.
    public func current(_ kind: DirectorAppointment.Kind) -> DirectorAppointment? {
        last { $0.kind == kind && $0.isCurrent }
    }

    /// The first day a case director was appointed, for the norm.
    public var firstCaseDirectorDay: Day? {
        filter { $0.kind == .caseDirection }.map(\.startedOn).min()
    }
}
