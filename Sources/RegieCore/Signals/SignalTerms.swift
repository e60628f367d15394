/// How a signal reached the network.
public enum SignalChannel: String, Sendable, Codable, CaseIterable {
    case form
    case phone
    case email
    case walkIn = "walk_in"
    case partnerSystem = "partner_system"

    public var textKey: String { "signal_channel.\(rawValue)" }
}

/// Whose request the signal is: the household's own, or its environment's (neighbours, school, police).
public enum SignalOrigin: String, Sendable, Codable, CaseIterable {
    case household
    case environment

    public var textKey: String { "signal_origin.\(rawValue)" }
}

/// How soon the network must look at a signal; `crisis` is a separate flag that triggers a crisis action.
public enum SignalUrgency: String, Sendable, Codable, CaseIterable {
    case normal
    case urgent

    public var textKey: String { "signal_urgency.\(rawValue)" }
}

/// The relation of a household member to the household.
public enum MemberRelation: String, Sendable, Codable, CaseIterable {
    case parent
    case child
    case partner
    case other

    public var textKey: String { "member_relation.\(rawValue)" }
}

/// Who holds parental authority (gezag) over a child, where known.
public enum Custody: String, Sendable, Codable, CaseIterable {
    case bothParents = "both_parents"
    case oneParent = "one_parent"
    case guardian

    public var textKey: String { "custody.\(rawValue)" }
}

/// A child protection or youth justice measure, where one applies.
public enum ProtectionMeasure: String, Sendable, Codable, CaseIterable {
    case supervisionOrder = "supervision_order"
    case guardianship
    case youthProbation = "youth_probation"

    public var textKey: String { "protection_measure.\(rawValue)" }
}

/// Where a child lives when not at home.
public enum Placement: String, Sendable, Codable, CaseIterable {
    case fosterCare = "foster_care"
    case residential
    case family
    case other

    public var textKey: String { "placement.\(rawValue)" }
}
