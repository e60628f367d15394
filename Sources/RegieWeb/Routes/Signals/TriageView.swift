import Foundation
import RegieCore
import RegieStore

/// The values of the signal detail page: the intake, the advisory inclusion rule, the norms, the crisis
/// action and the decision form (with the input kept after an error).
struct TriageView {
    let app: WebApp
    let locale: String
    let profile: WorkflowProfile

    private func text(_ key: String) -> String { app.views.translations.text(key, locale) }

    /// "Gezag: één ouder · Maatregel: ondertoezichtstelling", only the parts that are known.
    private func legal(_ member: SignalStore.Detail.Member) -> String {
        [
            member.custody.map { "\(text("legal.custody")): \(text($0.textKey))" },
            member.protectionMeasure.map { "\(text("legal.measure")): \(text($0.textKey))" },
            member.placement.map { "\(text("legal.placement")): \(text($0.textKey))" },
        ].compactMap { $0 }.joined(separator: " · ")
    }

    func values(
        detail: SignalStore.Detail, events: [TimelineEvent], form: FormData?, problems: [String: String],
        mayDecide: Bool
    ) -> [String: Any] {
        let summary = detail.summary
        let decisions = TriageStore.decisions(in: events)
        let norm = EligibilityNorm(profile: profile, calendar: app.calendar)
        let status = norm.status(
            received: summary.receivedOn, decided: decisions.first.map { Day($0.at) },
            today: Day(Date()))
        let inclusion = InclusionAdvice.meetsThreshold(domains: Set(summary.concerns), profile: profile)
        var values: [String: Any] = [
            "id": summary.id, "reference": summary.householdReference,
            "received": DutchFormat.moment(summary.receivedAt), "reporter": summary.reporterName,
            "organisation": summary.reporterOrganisation, "channel": text(detail.channel.textKey),
            "description": detail.description, "informed": detail.householdInformed,
            "notInformedReason": detail.notInformedReason, "origin": text(detail.origin.textKey),
            "urgency": text(summary.urgency.textKey), "crisis": summary.crisis,
            "address": detail.address.isEmpty ? text("signal.no_fixed_address") : detail.address,
            "neighbourhood": detail.neighbourhood, "hasNeighbourhood": !detail.neighbourhood.isEmpty,
            "hasTrigger": !detail.trigger.isEmpty, "hasOwnAttempt": !detail.ownAttempt.isEmpty,
            "trigger": detail.trigger.isEmpty ? "" : text("signal_trigger.\(detail.trigger)"),
            "ownAttempt": detail.ownAttempt,
            "concerns": profile.domains.filter { summary.concerns.contains($0.code) }.map(\.name)
                .joined(separator: ", "),
            "members": detail.members.map { member -> [String: Any] in
                [
                    "name": member.name.isEmpty ? text("signal.unborn_short") : member.name,
                    "birth": member.birthDate?.dutch ?? "—", "relation": text(member.relation.textKey),
                    "unborn": member.unborn, "legal": legal(member), "hasLegal": !legal(member).isEmpty,
                ]
            },
            "mayDecide": mayDecide && decisions.isEmpty,
            "errors": problems.mapValues(text),
        ]
        if let threshold = profile.advisoryInclusionDomains, let meets = inclusion {
            values["inclusion"] = String(
                format: app.views.translations.text(
                    meets ? "triage.inclusion_meets" : "triage.inclusion_below", count: summary.concerns.count, locale),
                summary.concerns.count, threshold)
        }
        switch status {
        case .open(let due), .overdue(let due):
            values["due"] = due.dutch
            values["overdue"] = status.isOverdue
        default: break
        }
        if summary.crisis, let deadline = CrisisDeadline.deadline(signalledAt: summary.receivedAt, profile: profile) {
            values["crisisDeadline"] = DutchFormat.moment(deadline)
        }
        if let dispatch = TriageStore.crisisDispatch(in: events) {
            values["dispatch"] = ["at": DutchFormat.moment(dispatch.at), "service": dispatch.service]
        } else if summary.crisis && mayDecide {
            values["askDispatch"] = true
        }
        if let decided = decisions.first {
            values["decided"] = [
                "at": DutchFormat.moment(decided.at), "outcome": text(decided.decision.outcome.textKey),
                "safety": text(decided.decision.safety.textKey), "safetyNote": decided.decision.safetyNote,
                "referredTo": decided.decision.referredTo, "reason": decided.decision.reason,
                "hasSafetyNote": !decided.decision.safetyNote.isEmpty,
                "hasReferredTo": !decided.decision.referredTo.isEmpty, "hasReason": !decided.decision.reason.isEmpty,
            ]
        }
        let chosen = form?.value("outcome") ?? ""
        let safety = form?.value("safety") ?? "safe"
        values["outcomes"] = ChoiceList.radios(
            "outcome", required: true,
            Choice.each(TriageDecision.Outcome.allCases, chosen: chosen) { text($0.textKey) }
        )
        values["safeties"] = ChoiceList.radios(
            "safety",
            Choice.each(TriageDecision.Safety.allCases, chosen: safety) { text($0.textKey) })
        values["urgencies"] = ChoiceList.options(
            SignalUrgency.allCases.map {
                Choice(
                    $0.rawValue, text($0.textKey),
                    chosen: $0.rawValue == (form?.value("urgency") ?? summary.urgency.rawValue))
            })
        values["safetyNote"] = form?.value("safety_note") ?? ""
        values["referredTo"] = form?.value("referred_to") ?? ""
        values["reason"] = form?.value("reason") ?? ""
        values["service"] = form?.value("service") ?? ""
        return values
    }
}
