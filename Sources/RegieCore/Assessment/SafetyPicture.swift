/// The safety picture of one member on one day (BRIEF.md step 4): is this person unsafe, and why.
/// The plan cannot be adopted until every current member has one.
public struct SafetyPicture: Sendable, Hashable, Codable {
    /// A kind of danger the sources name.
    public enum Concern: String, Sendable, Codable, CaseIterable {
        /// A child at risk from the adults' problems.
        case childAtRisk = "child_at_risk"
        case domesticViolence = "domestic_violence"
        case elderAbuse = "elder_abuse"

        public var textKey: String { "safety_concern.\(rawValue)" }
    }

    public let person: String
    public let asOf: Day
    public let concerns: Set<Concern>
    public let note: String

    public init(person: String, asOf: Day, concerns: Set<Concern>, note: String) {
        self.person = person
        self.asOf = asOf
        self.concerns = concerns
        self.note = note
    }

    public var isSafe: Bool { concerns.isEmpty }

    /// A concern needs its explanation: what is going on and what is done about it.
    public var problems: [String: String] {
        !concerns.isEmpty && note.trimmed.isEmpty ? ["safetyNote": "error.safety_note"] : [:]
    }
}
