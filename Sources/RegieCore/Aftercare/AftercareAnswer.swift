/// A partner's answer to an aftercare check (BRIEF.md step 9): still in care, ended well, or dropped out —
/// the last reopens the case on the same timeline.
public enum AftercareAnswer: String, Sendable, Codable, CaseIterable {
    case stillInCare = "still_in_care"
    case endedWell = "ended_well"
    case droppedOut = "dropped_out"

    public var textKey: String { "aftercare.answer.\(rawValue)" }
}
