import Foundation
import RegieCore
import RegieStore

/// The plan on the case page and on its printable A4 page: versions, the shown version's context, goals
/// with the commitments serving them, the completeness rule, the household's agreement and adoption.
struct PlanView {
    let base: CaseView

    private var facts: CaseFacts { base.facts }
    private func text(_ key: String) -> String { base.text(key) }

    func values() -> [String: Any] {
        var values: [String: Any] = [
            "hasPlan": facts.plan != nil,
            "planDrafter": text("plan_drafter.\(facts.profile.planDrafter.rawValue)"),
            "planContextInput": base.kept("context"),
            "commitments": commitments(goal: nil, all: true),
            "hasCommitments": !facts.commitments.isEmpty,
            "planClosed": facts.plan?.closedAt != nil,
            // Only an open case's plan changes (the routes refuse the rest): in aftercare the plan the case was
            // closed with is read, not worked on, and no new plan is started.
            "mayChangePlan": base.may(.update) && facts.grant.context.phase == .active,
        ]
        // The norm is a clock on an open case; in aftercare or after closure it no longer runs and is not shown.
        if let first = facts.directors.firstCaseDirectorDay, facts.grant.context.phase == .active {
            let adopted = facts.plan?.versions.compactMap(\.adoptedOn).min()
            values["planNorm"] = base.status(
                PlanToConferenceNorm(profile: facts.profile, calendar: base.app.calendar)
                    .status(directorAppointed: first, adopted: adopted, today: Day(Date())))
        }
        if let previous = facts.previousPlan { values.merge(previousPlan(previous)) { first, _ in first } }
        guard let plan = facts.plan, let version = facts.shownVersion else { return values }
        let conferences = Dictionary(uniqueKeysWithValues: facts.conferences.map { ($0.id, $0) })
        values["versions"] = plan.versions.map { version -> [String: Any] in
            [
                "number": version.number, "status": text(version.status.textKey),
                "created": DutchFormat.day(version.createdAt), "adopted": version.adoptedOn?.dutch ?? "—",
                "meeting": version.meeting.flatMap { conferences[$0] }.map { DutchFormat.moment($0.scheduledAt) }
                    ?? "—",
            ]
        }
        values["version"] = [
            "number": version.number, "status": text(version.status.textKey), "isConcept": version.status == .concept,
            "context": version.context, "hasContext": !version.context.isEmpty,
            "adopted": version.adoptedOn?.dutch ?? "",
        ]
        values["contextInput"] = base.kept("context", version.context)
        // After a refused save the textarea holds the user's text; show what is stored beside it to compare.
        if let input = base.form?.value("context"), input != version.context, version.status == .concept {
            values["storedContext"] = version.context.isEmpty ? text("plan.context_stored_empty") : version.context
        }
        values["goals"] = version.goals.map { goal -> [String: Any] in
            [
                "key": goal.key, "domain": domainName(goal.domain),
                "persons": personNames(goal),
                "description": goal.description, "householdWords": goal.householdWords,
                "hasWords": !goal.householdWords.isEmpty, "target": goal.targetOn?.dutch ?? "—",
                "commitments": commitments(goal: goal.key, all: false),
                "hasGoalCommitments": facts.commitments.contains { $0.goalKey == goal.key },
            ]
        }
        values["hasGoals"] = !version.goals.isEmpty
        let keys = Set(version.goals.map(\.key))
        let others = commitments(goal: nil, all: true).enumerated()
            .filter { facts.commitments[$0.offset].goalKey.map { !keys.contains($0) } ?? true }.map(\.element)
        values["otherCommitments"] = others
        values["hasOtherCommitments"] = !others.isEmpty
        values.merge(goalForm(version)) { first, _ in first }
        values["missingDomains"] = facts.missingDomains.map { domain -> [String: Any] in
            ["code": domain.code, "name": domain.name, "reason": base.kept("reason_\(domain.code)")]
        }
        values["hasMissing"] = !facts.missingDomains.isEmpty
        values["reasons"] = version.reasons.sorted { $0.key < $1.key }.map { domain, reason -> [String: Any] in
            ["domain": domainName(domain), "reason": reason]
        }
        values["hasReasons"] = !version.reasons.isEmpty
        if let agreement = version.agreement {
            values["agreement"] = [
                "answer": text(agreement.answer.textKey), "on": agreement.on.dutch, "how": agreement.how,
            ]
        }
        values["agreementAnswers"] = ChoiceList.radios(
            "agreement",
            Choice.each(
                HouseholdAgreement.Answer.allCases,
                chosen: base.kept("agreement", version.agreement?.answer.rawValue ?? "")
            ) { text($0.textKey) })
        values["agreementOn"] = base.kept("agreement_on", version.agreement?.on.dutch ?? Day(Date()).dutch)
        values["agreementHow"] = base.kept("agreement_how", version.agreement?.how ?? "")
        let blocks = facts.adoptionBlocks.filter { $0 != .notConcept }
        values["adoptBlocks"] = blocks.map { text($0.textKey) }
        values["hasAdoptBlocks"] = !blocks.isEmpty
        values["mayAdopt"] = version.status == .concept && blocks.isEmpty
        values["adoptDay"] = base.kept("adopted_on", Day(Date()).dutch)
        values["adoptMeetings"] = ChoiceList.options(
            facts.conferences.reversed().map { meeting in
                Choice(
                    meeting.id, DutchFormat.moment(meeting.scheduledAt), chosen: base.kept("meeting") == meeting.id)
            })
        values["mayRevise"] = plan.concept == nil && plan.adopted != nil
        return values
    }

    /// The plan a reopened case was closed with, read-only above the start of its new plan, and how many of its
    /// goals the new concept can take over (`PlanCarryOver`).
    private func previousPlan(_ plan: PlanStore.Plan) -> [String: Any] {
        guard let version = plan.adopted ?? plan.versions.first else { return [:] }
        let carried = plan.goalsToCarry(members: Set(facts.members.map(\.id)), newKey: { "" })
        return [
            "previousPlan": [
                "closed": plan.closedAt.map(DutchFormat.day) ?? "—", "number": version.number,
                "status": text(version.status.textKey), "adopted": version.adoptedOn?.dutch ?? "",
                "goals": version.goals.map { goal -> [String: Any] in
                    [
                        "domain": domainName(goal.domain), "description": goal.description,
                        "persons": personNames(goal),
                        "target": goal.targetOn?.dutch ?? "—",
                    ]
                },
                "hasGoals": !version.goals.isEmpty,
            ] as [String: Any],
            "carryCount": carried.count, "mayCarry": !carried.isEmpty,
            // Checked unless the user unticked it in a form that came back.
            "carryChecked": base.form.map { $0.value("carry_goals") == "1" } ?? true,
        ]
    }

    /// The names of a goal's members; one who left the household is named as a former member.
    private func personNames(_ goal: PlanGoal) -> String {
        goal.persons.map { facts.memberNames[$0] ?? text("plan.former_member") }.joined(separator: ", ")
    }

    private func domainName(_ code: String) -> String {
        facts.profile.domains.first { $0.code == code }?.name ?? code
    }

    private func goalForm(_ version: PlanStore.Version) -> [String: Any] {
        let chosenPersons = Set(base.form?.all("goal_person") ?? [])
        let needed = facts.scores.domainsNeedingGoals
        return [
            "goalDomains": ChoiceList.options(
                facts.profile.domains.map { domain in
                    Choice(
                        domain.code,
                        needed.contains(domain.code) ? "\(domain.name) \(text("plan.scored_low"))" : domain.name,
                        chosen: base.kept("goal_domain") == domain.code)
                }),
            "goalPersons": ChoiceList.checkboxes(
                "goal_person",
                facts.members.map { member in
                    Choice(
                        member.id, facts.memberNames[member.id] ?? "—", chosen: chosenPersons.contains(member.id))
                }),
            "goalDescription": base.kept("goal_description"), "goalWords": base.kept("goal_words"),
            "goalTarget": base.kept("goal_target"),
            "commitmentGoals": ChoiceList.options(
                version.goals.map { goal in
                    Choice(
                        goal.key, "\(domainName(goal.domain)): \(goal.description.prefix(60))",
                        chosen: base.kept("commitment_goal") == goal.key)
                }),
            "commitmentOwners": base.personOptions(selected: base.kept("commitment_owner")),
            "commitmentAfter": ChoiceList.options(
                facts.commitments.map { item in
                    Choice(
                        item.id, "\(item.organisationName): \(item.description.prefix(50))",
                        chosen: base.kept("commitment_after") == item.id)
                }),
            "commitmentDescription": base.kept("commitment_description"),
            "commitmentDue": base.kept("commitment_due"),
        ]
    }

    /// Commitments serving `goal` (or every commitment), with why each needs the director's attention.
    func commitments(goal: String?, all: Bool) -> [[String: Any]] {
        Self.commitmentValues(
            facts.commitments.filter { all || $0.goalKey == goal }, among: facts.commitments, unknownAfter: "",
            phase: facts.grant.context.phase, text: text)
    }

    /// The values of `items` for `commitment_item`; a commitment they wait for is named when it is `among` the
    /// shown ones, else called `unknownAfter` (a partner's own part does not show other partners' commitments).
    /// What needs attention depends on the case's `phase` (`CommitmentAttention`).
    static func commitmentValues(
        _ items: [CommitmentStore.Item], among shown: [CommitmentStore.Item], unknownAfter: String,
        phase: CasePhase, text: (String) -> String
    ) -> [[String: Any]] {
        let today = Day(Date())
        let descriptions = Dictionary(uniqueKeysWithValues: shown.map { ($0.id, $0.description) })
        return items.map { item -> [String: Any] in
            let attention = CommitmentAttention.of(
                status: item.status, dueOn: item.dueOn, phase: phase, today: today)
            return [
                "id": item.id, "description": item.description, "owner": item.personName,
                "organisation": item.organisationName, "due": item.dueOn?.dutch ?? "—",
                "status": text(item.status.textKey), "note": item.note, "hasNote": !item.note.isEmpty,
                "attention": attention.map { text($0.textKey) } ?? "", "hasAttention": attention != nil,
                "after": item.after.map { descriptions[$0].map { String($0.prefix(60)) } ?? unknownAfter } ?? "",
                "hasAfter": item.after != nil,
            ]
        }
    }
}

extension PlanStore.Plan {
    /// The goals a new plan after a reopening takes over from this closed one (`PlanCarryOver`).
    func goalsToCarry(members: Set<String>, newKey: () -> String) -> [PlanGoal] {
        PlanCarryOver.goals(from: versions.map { ($0.status, $0.number, $0.goals) }, members: members, newKey: newKey)
    }
}
