import Foundation
import RegieCore
import RegieStore

/// Closure and aftercare on the case page: the profile's closure criterion and the closure form with its
/// safety check, the recorded closure, the aftercare checks with the partners' answers, and reopening.
struct ClosureView {
    let base: CaseView

    private var facts: CaseFacts { base.facts }
    private func text(_ key: String) -> String { base.text(key) }

    func values() -> [String: Any] {
        let phase = facts.grant.context.phase
        var values: [String: Any] = [
            "closureCriterion": text("closure_criterion.\(facts.profile.closureCriterion.rawValue)"),
            "mayClose": phase == .active && base.may(.decide),
            "mayReopen": (phase == .aftercare || phase == .closed) && base.may(.decide),
            "closureReasons": base.options(
                ClosureReason.allCases,
                selected: base.kept("closure_reason", ClosureReason.meeting(facts.profile.closureCriterion).rawValue)
            ) {
                text($0.textKey)
            },
            "closedOnInput": base.kept("closed_on", Day(Date()).dutch),
            "safetySafe": base.kept("safety_check") == "safe", "safetyUnsafe": base.kept("safety_check") == "unsafe",
            "safetyNoteInput": base.kept("closure_safety_note"), "regularDirectorInput": base.kept("regular_director"),
            "destinationInput": base.kept("destination"), "staysInViewInput": base.kept("stays_in_view"),
            "closureNoteInput": base.kept("closure_note"), "backgroundNoteInput": base.kept("background_note"),
            "reopenReasonInput": base.kept("reopen_reason"),
            "receivingNetworks": ChoiceList.options(
                facts.otherNetworks.map { network in
                    Choice(
                        network.id.rawValue, "\(network.name) (\(network.municipality))",
                        chosen: network.id.rawValue == base.kept("receiving_network"))
                }),
            "handovers": facts.handovers.map { offer -> [String: Any] in
                let state: String
                switch offer.accepted {
                case nil: state = String(format: text("handover.state_offered"), DutchFormat.day(offer.offeredAt))
                case true?: state = text("handover.state_accepted")
                case false?: state = String(format: text("handover.state_declined"), offer.declineReason)
                }
                return ["to": offer.toNetworkName, "state": state]
            },
            "retentionExplain": String(format: text("retention.explain"), facts.network.retentionYears),
            "legalHold": facts.legalHold ?? "", "hasLegalHold": facts.legalHold != nil,
            "holdReasonInput": base.kept("hold_reason"),
            "background": facts.events.last { $0.kind == "case.background_presence" }.map {
                ["since": DutchFormat.day($0.occurredAt), "text": $0.summary]
            } ?? [:],
        ]
        guard let closure = facts.closure else { return values }
        let request = closure.request
        var detail = [
            "reason": text(request.reason.textKey), "on": request.closedOn.dutch, "by": closure.closedBy,
            "safetyNote": request.safetyNote,
        ]
        for (key, value) in [
            ("regularDirector", request.regularDirector), ("destination", request.destination),
            ("staysInView", request.staysInView), ("note", request.note),
        ] where !value.isEmpty {
            detail[key] = value
        }
        values["closure"] = detail
        values["closureIsPast"] = phase == .active
        let schedule = AftercareSchedule(profile: facts.profile, calendar: base.app.calendar)
        let answered = Set(facts.aftercare.map(\.checkIndex))
        values["checks"] = schedule.days(closedOn: request.closedOn).enumerated().map { index, day -> [String: Any] in
            let answers = facts.aftercare.filter { $0.checkIndex == index }
            return [
                "number": index + 1, "day": day.dutch, "due": day <= Day(Date()) && !answered.contains(index),
                "answers": answers.map { answer -> [String: Any] in
                    [
                        "organisation": answer.organisation, "answer": text("aftercare.answer.\(answer.answer)"),
                        "note": answer.note, "at": DutchFormat.day(Date(millis: answer.answeredAt)),
                    ]
                },
            ]
        }
        values["hasChecks"] = !schedule.intervals.isEmpty
        values["mayAnswerAftercare"] =
            phase == .aftercare && base.may(.addToOwnPart)
            && schedule.next(closedOn: request.closedOn, answered: answered) != nil
        values.merge(AftercareForm.values(form: base.form, text: text)) { first, _ in first }
        return values
    }
}
