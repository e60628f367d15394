import Testing

@testable import RegieCore

@Suite("Closing a case ends its open commitments")
struct ClosureEndsCommitmentsTests {
    @Test("A closure ends the asked and accepted commitments; declined and done keep their answer")
    func ending() {
        #expect(ClosureEndsCommitments.ending == [.proposed, .accepted])
        #expect(Commitment.Status.allCases.filter(\.isOpen) == [.proposed, .accepted])
        #expect(!Commitment.Status.ended.isOpen)
    }

    @Test("An ended commitment can no longer be answered, and never marks its case as stalled")
    func endedIsFinal() {
        for response in Commitment.Response.allCases {
            #expect(
                Commitment.problem(responding: response, from: .ended, note: "Toch gedaan") == "error.commitment_ended")
        }
        let longAgo = Day("2025-01-01")!
        let today = Day("2026-06-01")!
        #expect(CommitmentAttention.of(status: .ended, dueOn: longAgo, today: today) == nil)
        #expect(CommitmentAttention.of(status: .accepted, dueOn: longAgo, today: today) == .overdue)
    }

    @Test("Only an active case's commitments need attention: after closure a declined one is history")
    func attentionOnlyWhileActive() {
        let today = Day("2026-06-01")!
        let late = Day("2026-05-01")!
        #expect(CommitmentAttention.of(status: .declined, dueOn: nil, phase: .active, today: today) == .declined)
        #expect(CommitmentAttention.of(status: .accepted, dueOn: late, phase: .active, today: today) == .overdue)
        for phase in [CasePhase.aftercare, .closed, .intake, .informationRound] {
            #expect(CommitmentAttention.of(status: .declined, dueOn: nil, phase: phase, today: today) == nil)
            #expect(CommitmentAttention.of(status: .accepted, dueOn: late, phase: phase, today: today) == nil)
        }
    }

    @Test("The timeline says how many commitments the closure ended")
    func summary() {
        #expect(ClosureEndsCommitments.summary(ended: 1) == "1 open afspraak beëindigd bij de afsluiting")
        #expect(ClosureEndsCommitments.summary(ended: 3) == "3 open afspraken beëindigd bij de afsluiting")
    }
}
