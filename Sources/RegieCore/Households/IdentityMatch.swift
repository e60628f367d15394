/// Decides whether a person already known to the network may be the person being signalled.
///
/// The user always chooses: the match only proposes. A BSN that is equal is certain; a BSN that differs
/// rules a person out; otherwise the normalised family name and date of birth must agree, and the given
/// name or initial strengthens the match.
public enum IdentityMatch {
    /// How sure a proposed match is, strongest first.
    public enum Strength: Int, Sendable, Comparable, Codable {
        case sameBSN = 3
        case nameAndBirthDate = 2
        case familyNameAndBirthDate = 1

        public static func < (lhs: Strength, rhs: Strength) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The identity facts compared.
    public struct Facts: Sendable, Hashable {
        public let givenName: String
        public let familyName: String
        public let birthDate: Day?
        public let bsn: BSN?

        public init(givenName: String, familyName: String, birthDate: Day?, bsn: BSN?) {
            self.givenName = givenName
            self.familyName = familyName
            self.birthDate = birthDate
            self.bsn = bsn
        }
    }

    /// The person looked for, with the name keys worked out once for all the candidates compared with it.
    public struct Wanted: Sendable {
        public let facts: Facts
        public let familyKey: String
        let givenKey: String

        public init(_ facts: Facts) {
            self.facts = facts
            familyKey = NameKey.familyKey(facts.familyName)
            givenKey = NameKey.givenKey(facts.givenName)
        }
    }

    /// The strength of the match between `candidate` and `wanted`, or `nil` when they are not the same person.
    public static func strength(of candidate: Facts, for wanted: Facts) -> Strength? {
        strength(of: candidate, for: Wanted(wanted))
    }

    /// `strength(of:for:)` against keys worked out beforehand.
    public static func strength(of candidate: Facts, for wanted: Wanted) -> Strength? {
        if let a = candidate.bsn, let b = wanted.facts.bsn { return a == b ? .sameBSN : nil }
        guard let birth = wanted.facts.birthDate, candidate.birthDate == birth,
            NameKey.familyKey(candidate.familyName) == wanted.familyKey
        else { return nil }
        let given = (NameKey.givenKey(candidate.givenName), wanted.givenKey)
        if given.0 == given.1 { return .nameAndBirthDate }
        if given.0.isEmpty || given.1.isEmpty || given.0.first == given.1.first { return .familyNameAndBirthDate }
        return nil
    }
}
