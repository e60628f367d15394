/// A part of the file that a form saves over. Two professionals may have the same case open: a save made on a
/// page older than the last change to that part is refused and shown with what changed, so nobody silently
/// overwrites a colleague's plan, assessment or case data. Adding something (a goal, a note) overwrites nothing
/// and is not guarded.
public enum EditSection: String, Sendable, CaseIterable {
    /// The plan's concept: context, reasons, the household's agreement, adoption, removing a goal.
    case plan
    /// The self-sufficiency scores and the safety picture of the household's members.
    case assessment
    /// The legal basis, the directors, the family level and who belongs to the household.
    case caseData

    /// The timeline event kinds (a trailing dot: every kind starting with it) that change this part.
    public var eventKinds: [String] {
        switch self {
        case .plan: return ["plan."]
        case .assessment: return ["assessment.recorded", "safety.recorded"]
        case .caseData: return ["case.lawful_basis", "director.appointed", "family_level.set", "member.left"]
        }
    }

    /// Whether an event of `kind` changes this part.
    public func covers(_ kind: String) -> Bool {
        eventKinds.contains { $0.hasSuffix(".") ? kind.hasPrefix($0) : kind == $0 }
    }

    /// The changes to this part stored after position `seen` (the newest event the user's page showed), oldest
    /// first. Empty means the save may go ahead.
    public func changes(since seen: Int64, in events: [TimelineEvent]) -> [TimelineEvent] {
        events.filter { ($0.position ?? Int64.max) > seen && covers($0.kind) }
    }
}
