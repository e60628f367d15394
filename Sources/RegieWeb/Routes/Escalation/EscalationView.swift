import Foundation
import RegieCore
import RegieStore

/// Escalations on the case page: each with its ladder, the rung it stands on today and that rung's deadline
/// (risen by itself when a deadline passed), the decision with the mandate used; and the register of pressure
/// and coercion.
struct EscalationView {
    let base: CaseView

    private var facts: CaseFacts { base.facts }
    private func text(_ key: String) -> String { base.text(key) }

    func values() -> [String: Any] {
        let today = Day(Date())
        let mandates = EscalationMandate.available(in: facts.profile)
        return [
            "escalations": facts.escalations.reversed().map {
                escalation(
                    $0, mandates: mandates, today: today)
            },
            "hasEscalations": !facts.escalations.isEmpty,
            "escalationKinds": base.options(
                EscalationKind.allCases, selected: base.kept("escalation_kind", "organisational")
            ) {
                text($0.textKey)
            },
            "blockingOrganisations": ChoiceList.options(
                facts.organisations.filter(\.active).map { organisation in
                    Choice(
                        organisation.id.rawValue, organisation.name,
                        chosen: organisation.id.rawValue == base.kept("blocking_organisation"))
                }),
            "blockingRuleInput": base.kept("blocking_rule"), "escalationReasonInput": base.kept("escalation_reason"),
            "escalatedOn": base.kept("escalated_on", today.dutch),
            "ladders": EscalationKind.allCases.map { kind -> [String: Any] in
                [
                    "kind": text(kind.textKey),
                    "rungs": kind.ladder(in: facts.profile).enumerated().map { index, rung -> [String: Any] in
                        ["number": index + 1, "name": rung.name, "within": rung.answerWithin.dutch]
                    },
                ]
            },
            "coercion": facts.coercion.map { measure -> [String: Any] in
                [
                    "measure": measure.measure, "basis": measure.legalBasis, "by": measure.imposedBy,
                    "from": measure.from.dutch, "until": measure.until?.dutch ?? "—",
                ]
            },
            "hasCoercion": !facts.coercion.isEmpty,
            "coercionMeasureInput": base.kept("coercion_measure"), "coercionBasisInput": base.kept("coercion_basis"),
            "coercionByInput": base.kept("coercion_by"), "coercionFrom": base.kept("coercion_from", today.dutch),
            "coercionUntil": base.kept("coercion_until"),
        ]
    }

    private func escalation(_ escalation: EscalationStore.Escalation, mandates: [EscalationMandate], today: Day)
        -> [String: Any]
    {
        let (clock, steps) = escalation.course(in: facts.profile, calendar: base.app.calendar, today: today)
        let current = steps.last
        let decided = escalation.decidedOn != nil
        var values: [String: Any] = [
            "escalationId": escalation.id, "kind": text(escalation.kind.textKey),
            "blocking": escalation.blockingOrganisation, "hasBlocking": !escalation.blockingOrganisation.isEmpty,
            "rule": escalation.blockingRule, "hasRule": !escalation.blockingRule.isEmpty, "reason": escalation.reason,
            "raisedBy": escalation.raisedBy, "raisedOn": escalation.raisedOn.dutch,
            "rung": escalation.rungName(current, clock: clock),
            "deadline": current?.deadline.dutch ?? "—",
            "overdue": clock.isOverdueAtTop(steps, decided: decided, today: today),
            "mayRaiseFurther": !decided && (current.map { $0.rung + 1 < clock.ladder.count } ?? false),
            "steps": steps.map { step -> [String: Any] in
                [
                    "name": escalation.rungName(step, clock: clock), "from": step.from.dutch,
                    "deadline": step.deadline.dutch, "automatic": step.automatic,
                ]
            },
            "decided": decided,
        ]
        if decided {
            values["decision"] = escalation.decision
            values["decidedOn"] = escalation.decidedOn?.dutch ?? ""
            values["decidedBy"] = escalation.decidedBy
            values["mandate"] = escalation.mandate.map { text($0.textKey) } ?? ""
            values["spent"] = escalation.spent?.dutch ?? ""
            values["hasSpent"] = escalation.spent != nil
            values["structural"] = text(escalation.structural == true ? "escalation.structural" : "escalation.one_off")
        } else {
            // A refused decision shows its input and errors in its own escalation's form only; the others start
            // empty. A form without the field (an older page) keeps them everywhere, as before.
            let submitted = base.form?.value("escalation").map { $0 == escalation.id } ?? true
            let kept = { (name: String, fallback: String) in submitted ? base.kept(name, fallback) : fallback }
            if !submitted { values["errors"] = [String: String]() }
            values["mandates"] = ChoiceList.options(
                Choice.each(mandates, chosen: kept("mandate", "")) { text($0.textKey) })
            values["decisionInput"] = kept("decision", "")
            if let budget = facts.careBudget {
                values["hasCareBudget"] = true
                values["budgetAmountInput"] = kept("budget_amount", "")
                values["budgetBalance"] = budgetHint(budget, year: today.year)
            }
            values["oneOffKept"] = kept("structural", "") == "no"
            values["structuralKept"] = kept("structural", "") == "yes"
            values["signalCategories"] = ChoiceList.options(
                Choice.each(PolicySignal.Category.allCases, chosen: kept("signal_category", "")) { text($0.textKey) })
            values["decidedOnInput"] = kept("decided_on", today.dutch)
        }
        return values
    }

    /// "Nog beschikbaar in 2026: € 1.200,00 van € 5.000,00", or that no amount was set for the year.
    private func budgetHint(_ budget: CareBudget, year: Int) -> String {
        guard let amount = budget.amount(in: year), let balance = budget.balance(in: year) else {
            return String(format: text("care_budget.not_set_hint"), String(year))
        }
        return String(format: text("care_budget.balance_hint"), String(year), balance.dutch, amount.dutch)
    }
}
