/// A household that moved, handed over warmly to the network where it now lives (BRIEF.md step 9; seed-000 §3
/// step 9). The receiving network hears of the move at once but gets the persons and the case summary only when
/// it accepts; acceptance brings the household into its own intake as a signal.
public struct WarmHandover: Sendable, Codable, Hashable {
    /// A member as the receiving network needs them to find or register the person.
    public struct Person: Sendable, Codable, Hashable {
        public let givenName: String
        public let familyNamePrefix: String
        public let familyName: String
        public let birthDate: Day?
        public let unborn: Bool
        public let relation: MemberRelation
        public let custody: Custody?
        public let protectionMeasure: ProtectionMeasure?
        public let placement: Placement?

        public init(
            givenName: String, familyNamePrefix: String, familyName: String, birthDate: Day?, unborn: Bool,
            relation: MemberRelation, custody: Custody?, protectionMeasure: ProtectionMeasure?, placement: Placement?
        ) {
            self.givenName = givenName
            self.familyNamePrefix = familyNamePrefix
            self.familyName = familyName
            self.birthDate = birthDate
            self.unborn = unborn
            self.relation = relation
            self.custody = custody
            self.protectionMeasure = protectionMeasure
            self.placement = placement
        }
    }

    public let persons: [Person]
    /// Where the household moved to, as the sending network recorded it.
    public let destination: String
    /// The case summary: why the network was involved, the goals and how far they came, the safety check.
    public let summary: String
    /// Life domains (codes) the plan had goals on.
    public let domains: [String]

    public init(persons: [Person], destination: String, summary: String, domains: [String]) {
        self.persons = persons
        self.destination = destination
        self.summary = summary
        self.domains = domains
    }

    /// The signal that brings the household into the receiving network's intake: from a partner system, the
    /// household informed, concerns on the domains the receiving network also uses (the first of its own
    /// domains when none match, so the intake can start).
    public func signal(receivingDomains: [LifeDomain]) -> SignalDraft {
        let codes = Set(receivingDomains.map(\.code))
        let concerns = domains.filter(codes.contains)
        return SignalDraft(
            channel: .partnerSystem,
            persons: persons.map { person in
                var draft = SignalDraft.Person(
                    givenName: person.givenName, familyNamePrefix: person.familyNamePrefix,
                    familyName: person.familyName, birthDate: person.birthDate, unborn: person.unborn,
                    relation: person.relation, confirmedNew: true)
                draft.custody = person.custody
                draft.protectionMeasure = person.protectionMeasure
                draft.placement = person.placement
                return draft
            }, city: destination,
            concerns: concerns.isEmpty ? Array(receivingDomains.prefix(1).map(\.code)) : concerns,
            description: summary, householdInformed: true, origin: .environment)
    }
}
