import Foundation
import Testing

@testable import RegieCore

@Suite("Triage decision and crisis deadline")
struct TriageDecisionTests {
    @Test("Referring on needs a destination and a reason; unsafety needs a note")
    func problems() {
        #expect(TriageDecision(outcome: .coordinate, urgency: .normal, safety: .safe).problems.isEmpty)
        let refer = TriageDecision(outcome: .referOn, urgency: .normal, safety: .childrenUnsafe)
        #expect(
            refer.problems == [
                "referredTo": "error.triage_refer_to", "reason": "error.triage_reason",
                "safetyNote": "error.triage_safety_note",
            ])
        #expect(
            TriageDecision(outcome: .noHelpNeeded, urgency: .normal, safety: .unknown, reason: "Dochter helpt")
                .problems.isEmpty)
    }

    @Test("The decision moves the phase: coordinating starts the information round, the rest ends the intake")
    func phase() {
        #expect(CasePhase.derive(fromEventKinds: ["signal.received", "triage.coordinate"]) == .informationRound)
        for outcome in [TriageDecision.Outcome.referOn, .adviceOnly, .noHelpNeeded] {
            #expect(CasePhase.derive(fromEventKinds: ["signal.received", outcome.eventKind]) == .closed)
        }
        #expect(
            CasePhase.derive(fromEventKinds: ["signal.received", "triage.no_help_needed", "signal.received"])
                == .intake, "a new signal after a closed intake is a new intake")
        #expect(
            CasePhase.derive(fromEventKinds: ["triage.coordinate", "case.opened", "signal.received"]) == .active,
            "a new signal does not push an open case back to intake")
    }

    @Test("Zwolle's 24-hour intervention runs from the signal; other profiles have none")
    func crisisDeadline() throws {
        let library = try ProfileLibrary.bundled()
        let signalled = Date(timeIntervalSince1970: 1_795_000_000)
        #expect(
            CrisisDeadline.deadline(signalledAt: signalled, profile: library.profile(code: "zwolle")!)
                == signalled.addingTimeInterval(86_400))
        #expect(CrisisDeadline.deadline(signalledAt: signalled, profile: library.profile(code: "enschede")!) == nil)
    }
}
