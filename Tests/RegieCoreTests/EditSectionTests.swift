import Foundation
import RegieCore
import Testing

@Suite("Edit sections: a save on a stale page is told what changed in its part of the file")
struct EditSectionTests {
    static func event(_ kind: String, at position: Int64?) -> TimelineEvent {
        TimelineEvent(
            household: HouseholdID(rawValue: "h"), network: NetworkID(rawValue: "n"), actor: nil,
            actorOrganisation: nil, kind: kind, summary: kind, position: position)
    }

    @Test("Each part is changed by its own event kinds; a trailing dot covers the whole family")
    func kinds() {
        #expect(EditSection.plan.covers("plan.context_saved") && EditSection.plan.covers("plan.adopted"))
        #expect(!EditSection.plan.covers("planning.x") && !EditSection.plan.covers("commitment.proposed"))
        #expect(EditSection.assessment.covers("safety.recorded") && !EditSection.assessment.covers("plan.adopted"))
        #expect(EditSection.caseData.covers("case.lawful_basis") && !EditSection.caseData.covers("case.closed"))
        for section in EditSection.allCases {
            #expect(!section.covers("signal.received"), "a new signal is not an edit of \(section)")
        }
    }

    @Test("Only changes to the part after the position the page showed count")
    func changesSince() {
        let events = [
            Self.event("plan.context_saved", at: 10), Self.event("plan.reason_set", at: 12),
            Self.event("safety.recorded", at: 13), Self.event("plan.goal_added", at: 14),
        ]
        #expect(EditSection.plan.changes(since: 14, in: events).isEmpty)
        #expect(EditSection.plan.changes(since: 12, in: events).map(\.kind) == ["plan.goal_added"])
        #expect(EditSection.plan.changes(since: 9, in: events).count == 3)
        #expect(EditSection.caseData.changes(since: 0, in: events).isEmpty)
        #expect(EditSection.assessment.changes(since: 12, in: events).map(\.kind) == ["safety.recorded"])
    }

    @Test("An event not yet stored counts as newer than any page")
    func unstored() {
        #expect(EditSection.plan.changes(since: .max - 1, in: [Self.event("plan.adopted", at: nil)]).count == 1)
    }
}
