/// Whether the care team agreed to share the whole file among its members (issue 6, "minimum views").
///
/// Without the agreement each partner sees only its own part (its commitments, the goals they serve, its own
/// progress notes). A director records the agreement — and its end — on the case; both are timeline events, so
/// the state is derived from the timeline like the phase, never a flag set by hand.
public enum CareTeamSharing {
    /// The timeline event kind of an agreement to share the whole file within the care team.
    public static let agreedEvent = "care_team.sharing_agreed"
    /// The timeline event kind of the end of that agreement: back to each partner's own part.
    public static let endedEvent = "care_team.sharing_ended"

    /// Whether the latest of the sharing events, oldest first, is an agreement.
    public static func isAgreed(fromEventKinds kinds: [String]) -> Bool {
        kinds.last { $0 == agreedEvent || $0 == endedEvent } == agreedEvent
    }

    /// The shortest note accepted with an agreement: where and when the care team agreed, e.g. "casusoverleg".
    public static let minimumNote = 5
}
