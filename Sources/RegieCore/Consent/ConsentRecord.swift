/// Consent of one member for one purpose and one recipient organisation (BRIEF.md "Privacy"; seed-003 §8: a
/// consent declaration per family member, scoped to named recipient institutions). Withdrawal ends it from that
/// day; the record itself is kept.
public struct ConsentRecord: Sendable, Hashable, Codable {
    /// Who gave the consent.
    public enum Giver: String, Sendable, Codable, CaseIterable {
        /// The member themself.
        case person
        /// A parent with custody.
        case parent
        /// A legal representative: guardian (voogd), mentor or curator.
        case representative

        public var textKey: String { "consent.giver.\(rawValue)" }
    }

    /// What the data may be shared for.
    public enum Purpose: String, Sendable, Codable, CaseIterable {
        /// Sharing in the care team to carry out the plan.
        case careTeam = "care_team"
        /// Asking partners what they know (the information round).
        case inquiry
        /// Handing the household over to another network when it moves.
        case handover

        public var textKey: String { "consent.purpose.\(rawValue)" }
    }

    public let person: String
    public let purpose: Purpose
    public let organisation: OrganisationID
    public let givenBy: Giver
    public let givenOn: Day
    public let withdrawnOn: Day?

    public init(
        person: String, purpose: Purpose, organisation: OrganisationID, givenBy: Giver, givenOn: Day,
        withdrawnOn: Day? = nil
    ) {
        self.person = person
        self.purpose = purpose
        self.organisation = organisation
        self.givenBy = givenBy
        self.givenOn = givenOn
        self.withdrawnOn = withdrawnOn
    }

    /// Whether the consent holds on `day`: given on or before it and not withdrawn by then.
    public func holds(on day: Day) -> Bool { givenOn <= day && (withdrawnOn.map { day < $0 } ?? true) }
}
