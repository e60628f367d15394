/// The two kinds of meeting in a network (BRIEF.md "Meetings").
public enum MeetingKind: String, Sendable, Codable, CaseIterable {
    /// The network meeting (netwerkoverleg) on a schedule, about many households.
    case network
    /// The case conference (casusoverleg, MDO, regiegroep) about one household.
    case caseConference = "case_conference"

    public var textKey: String { "meeting_kind.\(rawValue)" }
}
