/// Why the network's work for a household ends (BRIEF.md step 9). Coded, so the figures can count them.
public enum ClosureReason: String, Sendable, Codable, CaseIterable {
    case goalsReached = "goals_reached"
    /// Settled in regular care, with a named director there.
    case regularCare = "regular_care"
    case selfReliant = "self_reliant"
    /// The household refuses to cooperate; the network decides how it stays in view ("niet loslaten").
    case refuses
    /// Moved away; warm hand-over to the network where the household now lives.
    case moved
    case deceased
    case other

    public var textKey: String { "closure.reason.\(rawValue)" }
}
