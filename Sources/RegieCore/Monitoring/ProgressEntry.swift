/// One entry in the progress of a plan (step 6): a note, a bilateral contact, the monthly progress talk with
/// the household, or a progress report. The norms are derived from the days of these entries.
public struct ProgressEntry: Sendable, Hashable, Codable {
    /// What kind of contact or report the entry records.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A note on the course of the plan.
        case note
        /// A bilateral contact of the case director with a partner.
        case contact
        /// The (monthly) progress talk with the household.
        case talk
        /// The periodic report to the network (at least every three months).
        case report

        public var textKey: String { "progress.kind.\(rawValue)" }

        /// Whether the entry is a contact with the household or its helpers, which meets the first-contact norm.
        public var isContact: Bool { self == .contact || self == .talk }

        /// Whether only those who direct the case record it: the progress talk with the household and the report
        /// to the network are the case director's norms; partners note progress and contacts on their own part.
        public var isDirectors: Bool { self == .talk || self == .report }
    }

    public let kind: Kind
    public let on: Day
    /// The case director flags that the plan is not going as agreed; the network director is told and a
    /// report is due at once.
    public let deviation: Bool

    public init(kind: Kind, on: Day, deviation: Bool = false) {
        self.kind = kind
        self.on = on
        self.deviation = deviation
    }
}
