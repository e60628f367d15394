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
