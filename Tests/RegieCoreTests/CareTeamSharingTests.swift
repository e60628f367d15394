import RegieCore
import Testing

/// The sharing agreement of a care team is derived from the timeline: the latest agreement or end counts.
@Suite("Care team sharing follows the latest recorded agreement")
struct CareTeamSharingTests {
    @Test("No agreement: own parts; agreed: whole file; ended: own parts again")
    func latestWins() {
        #expect(!CareTeamSharing.isAgreed(fromEventKinds: ["household.created", "case.opened"]))
        #expect(
            CareTeamSharing.isAgreed(fromEventKinds: ["case.opened", CareTeamSharing.agreedEvent, "progress.note"]))
        #expect(
            !CareTeamSharing.isAgreed(fromEventKinds: [CareTeamSharing.agreedEvent, "x", CareTeamSharing.endedEvent]))
        #expect(
            CareTeamSharing.isAgreed(
                fromEventKinds: [CareTeamSharing.agreedEvent, CareTeamSharing.endedEvent, CareTeamSharing.agreedEvent]))
    }
}
