/// A partner's commitment: an action in the plan or a work agreement from a meeting's minutes, with an owner
/// (organisation and person), a due day and the goal it serves (BRIEF.md step 5; closed loop in issue 4).
public struct Commitment: Sendable, Hashable, Codable {
    /// Where a commitment stands; changed by the owning partner's answer, and by the case's closure
    /// (`ClosureEndsCommitments`).
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Asked, not yet answered by the partner.
        case proposed
        case accepted
        case declined
        case done
        /// Still open when its case was closed: nobody coordinates it any more.
        case ended

        public var textKey: String { "commitment_status.\(rawValue)" }

        /// Asked or accepted: still for the partner to answer or carry out.
        public var isOpen: Bool { self == .proposed || self == .accepted }
    }

    /// How a commitment is carried out relative to others.
    public enum Sequencing: String, Sendable, Codable, CaseIterable {
        case parallel
        case after

        public var textKey: String { "sequencing.\(rawValue)" }
    }

    /// A partner's answer.
    public enum Response: String, Sendable, Codable, CaseIterable {
        case accept
        case decline
        case done

        /// The status a response leads to.
        public var status: Status {
            switch self {
            case .accept: return .accepted
            case .decline: return .declined
            case .done: return .done
            }
        }
    }

    public let description: String
    public let organisation: OrganisationID
    public let person: UserID?
    public let dueOn: Day?
    public let goalKey: String?
    public let after: String?

    public init(
        description: String, organisation: OrganisationID, person: UserID?, dueOn: Day?, goalKey: String?,
        after: String? = nil
    ) {
        self.description = description
        self.organisation = organisation
        self.person = person
        self.dueOn = dueOn
        self.goalKey = goalKey
        self.after = after
    }

    public var problems: [String: String] {
        var problems: [String: String] = [:]
        if description.trimmed.isEmpty { problems["commitmentDescription"] = "error.required" }
        if dueOn == nil { problems["commitmentDue"] = "error.date_invalid" }
        return problems
    }

    /// Whether `response` may follow `status`, and what it needs: a decline needs a reason, done needs a note.
    /// Returns the problem's translation key, or `nil` when the response is fine.
    public static func problem(responding response: Response, from status: Status, note: String) -> String? {
        switch (status, response) {
        case (.done, _), (.declined, _): return "error.commitment_closed"
        case (.ended, _): return "error.commitment_ended"
        case (.accepted, .accept): return "error.commitment_closed"
        case (_, .decline) where note.trimmed.isEmpty: return "error.decline_reason"
        case (_, .done) where note.trimmed.isEmpty: return "error.done_note"
        default: return nil
        }
    }
}
