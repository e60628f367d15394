import Foundation
import RegieCore
import RegieStore

/// Progress on the case page: the norms of step 6 (first contact, progress talk, report), evaluations due per
/// goal, why care stalls, the progress entries and the goals' evaluations with the household's view.
struct MonitoringView {
    let base: CaseView

    private var facts: CaseFacts { base.facts }
    private func text(_ key: String) -> String { base.text(key) }

    func values() -> [String: Any] {
        let monitor = facts.monitor(calendar: base.app.calendar)
        let goals = facts.plan?.adopted?.goals ?? []
        let goalNames = Dictionary(uniqueKeysWithValues: goals.map { ($0.key, $0.description) })
        var values: [String: Any] = [
            "isActive": facts.grant.context.phase == .active, "hasAdoptedPlan": facts.plan?.adopted != nil,
            "progress": facts.progress.reversed().map { entry -> [String: Any] in
                [
                    "on": entry.entry.on.dutch, "kind": text(entry.entry.kind.textKey), "withWhom": entry.withWhom,
                    "hasWithWhom": !entry.withWhom.isEmpty, "text": entry.text, "author": entry.author,
                    "deviation": entry.entry.deviation,
                ]
            },
            "hasProgress": !facts.progress.isEmpty,
            "evaluationGoals": ChoiceList.options(
                goals.map { Choice($0.key, $0.description, chosen: $0.key == base.kept("evaluation_goal")) }),
            "evaluationStatuses": base.options(
                GoalEvaluation.Status.allCases, selected: base.kept("evaluation_status", "progressing")
            ) { text($0.textKey) },
            "evaluatedOn": base.kept("evaluated_on", Day(Date()).dutch),
            "householdViewInput": base.kept("household_view"), "evaluationNoteInput": base.kept("evaluation_note"),
            "evaluations": facts.evaluations.reversed().map { evaluation -> [String: Any] in
                [
                    "goal": goalNames[evaluation.evaluation.goalKey] ?? text("plan.former_goal"),
                    "status": text(evaluation.evaluation.status.textKey), "on": evaluation.evaluation.evaluatedOn.dutch,
                    "householdView": evaluation.householdView, "note": evaluation.note,
                    "hasNote": !evaluation.note.isEmpty, "author": evaluation.author,
                    "forward": evaluation.evaluation.status.movesForward,
                ]
            },
            "hasEvaluations": !facts.evaluations.isEmpty,
            "stall": monitor.stall.map { reason -> [String: Any] in
                ["text": stallText(reason, goals: goalNames), "since": reason.since.dutch]
            },
            "isStalled": monitor.isStalled,
        ]
        var norms: [[String: Any]] = []
        if let status = base.status(monitor.firstContact) {
            norms.append([
                "label": text("monitor.first_contact"), "due": status["due"]!, "text": status["text"]!,
                "overdue": status["overdue"] ?? false,
            ])
        }
        if let talk = monitor.talk {
            norms.append([
                "label": text("monitor.progress_talk"), "due": talk.due.dutch, "text": text("monitor.due_now"),
                "overdue": true,
            ])
        }
        if let report = monitor.report {
            norms.append([
                "label": text("monitor.report"), "due": report.due.dutch,
                "text": text(report.becauseOfDeviation ? "monitor.report_deviation" : "monitor.due_now"),
                "overdue": true,
            ])
        }
        for due in monitor.evaluationsDue {
            norms.append([
                "label": String(format: text("monitor.evaluation"), goalNames[due.goal] ?? ""),
                "due": due.since.dutch, "text": text("monitor.evaluation_since"), "overdue": true,
            ])
        }
        values["norms"] = norms
        values["hasNorms"] = !norms.isEmpty
        values.merge(ProgressForm.values(form: base.form, directs: base.may(.decide), text: text)) { first, _ in first }
        return values
    }

    /// The stall reason in words, naming the goal or the commitment it is about.
    func stallText(_ reason: StallDetection.Reason, goals: [String: String]) -> String {
        switch reason {
        case .goalWithoutProgress(let goal, _):
            return String(
                format: text(reason.textKey), goals[goal] ?? "", facts.profile.norms.goalWithoutProgress?.dutch ?? "")
        case .commitment(let id, _, _):
            let commitment = facts.commitments.first { $0.id == id }
            return String(
                format: text(reason.textKey), commitment?.organisationName ?? "", commitment?.description ?? "")
        case .scoresNotImproving(let previous, let latest):
            return String(format: text(reason.textKey), previous.dutch, latest.dutch)
        }
    }
}
