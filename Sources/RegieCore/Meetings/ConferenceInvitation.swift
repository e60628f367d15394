/// Whether the household itself is invited to a case conference by default: Leeuwarden always invites it,
/// Zwolle at the first meeting (BRIEF.md "Meetings"); elsewhere the director chooses.
public enum ConferenceInvitation {
    public static func invitesHousehold(profile: WorkflowProfile, isFirstConference: Bool) -> Bool {
        switch profile.householdAtConference {
        case .always: return true
        case .firstMeeting: return isFirstConference
        case .sometimes: return false
        }
    }
}
