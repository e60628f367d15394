import Foundation
import RegieCore
import RegieStore

/// A care-team partner's view of a case without the whole file (the minimum view): the household, its case
/// director, the organisation's own commitments under the goals they serve, its own progress notes with the
/// form to add one, and in aftercare the next check to answer.
struct OwnPartView {
    let app: WebApp
    let locale: String
    let part: OwnPartStore.Part
    let grant: AccessGrant
    let profile: WorkflowProfile
    /// The input of a form that had problems, kept; `nil` on a plain visit.
    let form: FormData?

    private func text(_ key: String) -> String { app.views.translations.text(key, locale) }

    func values(problems: [String: String]) -> [String: Any] {
        let names = Dictionary(uniqueKeysWithValues: part.members.map { ($0.id, $0.name) })
        let items = part.commitments.items
        let goalKeys = Set(part.commitments.goals.map(\.key))
        let phase = grant.context.phase
        let commitments = { (shown: [CommitmentStore.Item]) in
            PlanView.commitmentValues(
                shown, among: items, unknownAfter: text("own_part.after_other"), phase: phase,
                text: text)
        }
        let others = items.filter { $0.goalKey.map { !goalKeys.contains($0) } ?? true }
        var values: [String: Any] = [
            "id": grant.context.household.rawValue, "reference": part.reference,
            "phase": text("phase.\(phase.rawValue)"),
            "errors": problems.mapValues(text), "hasErrors": !problems.isEmpty,
            "directorTitle": profile.label(for: .caseDirector, generic: text(Role.caseDirector.textKey)),
            "director": part.caseDirector.map { "\($0.userName), \($0.organisationName)" } ?? "—",
            "members": part.members.map { member -> [String: Any] in
                [
                    "name": member.name.isEmpty ? text("signal.unborn_short") : member.name,
                    "birth": member.birthDate?.dutch ?? "—", "relation": text(member.relation.textKey),
                    "clientNumber": profile.pseudonymised ? " (\(ClientNumber.of(member.id)))" : "",
                ]
            },
            "goals": part.commitments.goals.map { goal -> [String: Any] in
                [
                    "domain": profile.domains.first { $0.code == goal.domain }?.name ?? goal.domain,
                    "persons": goal.persons.map { names[$0] ?? text("plan.former_member") }.joined(separator: ", "),
                    "description": goal.description, "householdWords": goal.householdWords,
                    "hasWords": !goal.householdWords.isEmpty, "target": goal.targetOn?.dutch ?? "—",
                    "commitments": commitments(items.filter { $0.goalKey == goal.key }),
                ]
            },
            "otherCommitments": commitments(others), "hasOtherCommitments": !others.isEmpty,
            "hasCommitments": !items.isEmpty,
            "mayAnswerCommitments": items.contains {
                $0.person == grant.actor.user && $0.status.isOpen
            },
            "progress": part.progress.reversed().map { entry -> [String: Any] in
                [
                    "on": entry.entry.on.dutch, "kind": text(entry.entry.kind.textKey), "withWhom": entry.withWhom,
                    "hasWithWhom": !entry.withWhom.isEmpty, "text": entry.text, "author": entry.author,
                ]
            },
            "hasProgress": !part.progress.isEmpty, "isActive": phase == .active,
        ]
        values.merge(ProgressForm.values(form: form, directs: false, text: text)) { first, _ in first }
        values.merge(aftercare()) { first, _ in first }
        return values
    }

    /// The next aftercare check and the organisation's own answers.
    private func aftercare() -> [String: Any] {
        guard let aftercare = part.aftercare else { return [:] }
        let schedule = AftercareSchedule(profile: profile, calendar: app.calendar)
        let next = schedule.next(closedOn: aftercare.closedOn, answered: aftercare.answered)
        var values: [String: Any] = [
            "hasAftercare": true, "mayAnswerAftercare": next != nil,
            "nextCheck": next.map { String(format: text("own_part.next_check"), $0.index + 1, $0.day.dutch) }
                ?? text("own_part.checks_done"),
            "ownAnswers": part.aftercareAnswers.map { answer -> [String: Any] in
                [
                    "number": answer.checkIndex + 1, "answer": text("aftercare.answer.\(answer.answer)"),
                    "note": answer.note, "at": DutchFormat.day(Date(millis: answer.answeredAt)),
                ]
            },
        ]
        values.merge(AftercareForm.values(form: form, text: text)) { first, _ in first }
        return values
    }
}
