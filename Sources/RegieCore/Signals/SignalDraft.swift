/// A signal as entered on the form or sent through the API, before it is stored.
public struct SignalDraft: Sendable, Hashable, Codable {
    /// One person named in the signal.
    public struct Person: Sendable, Hashable, Codable {
        public var givenName: String
        public var familyNamePrefix: String
        public var familyName: String
        public var birthDate: Day?
        /// An unborn child: no name or date of birth needed, an expected date is enough.
        public var unborn: Bool
        public var bsn: String
        public var relation: MemberRelation
        /// An existing person in the network the user chose after identity matching.
        public var existingPersonID: String?
        /// The user saw the proposed matches and confirmed that this is a new person.
        public var confirmedNew: Bool
        /// Legal status where known (chiefly for children): custody, a protection measure, a placement.
        public var custody: Custody?
        public var protectionMeasure: ProtectionMeasure?
        public var placement: Placement?

        public init(
            givenName: String, familyNamePrefix: String = "", familyName: String, birthDate: Day?,
            unborn: Bool = false, bsn: String = "", relation: MemberRelation, existingPersonID: String? = nil,
            confirmedNew: Bool = false
        ) {
            self.givenName = givenName
            self.familyNamePrefix = familyNamePrefix
            self.familyName = familyName
            self.birthDate = birthDate
            self.unborn = unborn
            self.bsn = bsn
            self.relation = relation
            self.existingPersonID = existingPersonID
            self.confirmedNew = confirmedNew
            self.custody = nil
            self.protectionMeasure = nil
            self.placement = nil
        }

        /// Whether identity matching still has to ask the user about this person.
        public var needsIdentityCheck: Bool { existingPersonID == nil && !confirmedNew && !unborn }
    }

    public var channel: SignalChannel
    public var persons: [Person]
    public var street: String
    public var houseNumber: String
    public var postcode: String
    public var city: String
    public var neighbourhood: String
    /// The household has no registered address (homeless, staying with others).
    public var noFixedAddress: Bool
    /// Codes of the life domains of concern.
    public var concerns: [String]
    public var description: String
    public var householdInformed: Bool
    /// Why the household was not told (e.g. risk to a child); required when not informed.
    public var notInformedReason: String
    public var origin: SignalOrigin
    public var urgency: SignalUrgency
    public var crisis: Bool
    /// The profile's trigger this signal is about (Zwolle: nuisance or eviction threat).
    public var trigger: String
    /// What the reporter already tried themselves (Zwolle's proof of own attempt).
    public var ownAttempt: String

    public init(
        channel: SignalChannel = .form, persons: [Person] = [], street: String = "", houseNumber: String = "",
        postcode: String = "", city: String = "", neighbourhood: String = "", noFixedAddress: Bool = false,
        concerns: [String] = [], description: String = "", householdInformed: Bool = true,
        notInformedReason: String = "", origin: SignalOrigin = .environment, urgency: SignalUrgency = .normal,
        crisis: Bool = false, trigger: String = "", ownAttempt: String = ""
    ) {
        self.channel = channel
        self.persons = persons
        self.street = street
        self.houseNumber = houseNumber
        self.postcode = postcode
        self.city = city
        self.neighbourhood = neighbourhood
        self.noFixedAddress = noFixedAddress
        self.concerns = concerns
        self.description = description
        self.householdInformed = householdInformed
        self.notInformedReason = notInformedReason
        self.origin = origin
        self.urgency = urgency
        self.crisis = crisis
        self.trigger = trigger
        self.ownAttempt = ownAttempt
    }
}
