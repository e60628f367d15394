import Foundation
import RegieCore
import RegieStore

/// The values of the case page (the household's file): header, legal basis, directors and timeline; the
/// picture, plan and conferences come from their own views.
struct CaseView {
    let app: WebApp
    let locale: String
    let facts: CaseFacts
    /// The input of a form that had problems, kept; `nil` on a plain visit.
    let form: FormData?
    let people: [CaseService.Person]
    let caseloads: [UserID: Int]

    func text(_ key: String) -> String { app.views.translations.text(key, locale) }
    func text(_ key: String, count: Int) -> String { app.views.translations.text(key, count: count, locale) }

    /// The submitted value of `name`, else `fallback`.
    func kept(_ name: String, _ fallback: String = "") -> String { form?.value(name) ?? fallback }

    /// Whether the policy would allow `action` — to show or hide a form; the action itself is decided and
    /// logged again when it is submitted.
    func may(_ action: AccessAction) -> Bool {
        AccessPolicy.decide(actor: facts.grant.actor, action: action, context: facts.grant.context).allowed
    }

    /// Every case of `all` as the options of a select, `selected` chosen.
    func options<T: RawRepresentable>(_ all: [T], selected: String, label: (T) -> String) -> ChoiceList
    where T.RawValue == String {
        .options(Choice.each(all, chosen: selected, label: label))
    }

    /// People as choices: "Name — Organisation".
    func personChoices(chosen: (String) -> Bool) -> [Choice] {
        people.map { person in
            Choice(
                person.user.id.rawValue, "\(person.user.name) — \(person.organisation)",
                chosen: chosen(person.user.id.rawValue))
        }
    }

    /// People as the options of a select.
    func personOptions(selected: String) -> ChoiceList { .options(personChoices { $0 == selected }) }

    func status(_ status: NormStatus) -> [String: Any]? {
        switch status {
        case .noNorm: return nil
        case .open(let due): return ["due": due.dutch, "text": text("norm.open")]
        case .overdue(let due): return ["due": due.dutch, "text": text("norm.overdue"), "overdue": true]
        case .decidedInTime(let due): return ["due": due.dutch, "text": text("norm.in_time")]
        case .decidedLate(let due): return ["due": due.dutch, "text": text("norm.late"), "overdue": true]
        }
    }

    /// The problem key that names the part of the file a stale save was refused for (`EditSection`).
    static let staleKey = "stale"

    func values(problems: [String: String]) -> [String: Any] {
        var problems = problems
        let stale = problems.removeValue(forKey: Self.staleKey).flatMap(EditSection.init(rawValue:))
        if let stale, ownChangesOnly(stale) { problems["general"] = "error.stale_save_own" }
        let generic = text(Role.caseDirector.textKey)
        var values: [String: Any] = [
            "id": facts.grant.context.household.rawValue, "caseId": facts.grant.context.household.rawValue,
            "reference": facts.reference,
            "phase": text("phase.\(facts.grant.context.phase.rawValue)"), "network": facts.network.name,
            "directorTitle": facts.profile.label(for: .caseDirector, generic: generic), "mayUpdate": may(.update),
            "mayDecide": may(.decide),
            "mayExport": may(.export) && may(.decide),
            "mayRaisePolicySignal": AccessPolicy.mayUse(
                .raisePolicySignal, roles: facts.grant.actor.roles(in: facts.grant.context.network)),
            "errors": problems.mapValues(text), "hasErrors": !problems.isEmpty,
            "seen": facts.events.last?.position ?? 0,
            "leftOn": kept("left_on", Day(Date()).dutch), "mayLeave": facts.members.count > 1,
            "members": facts.members.map { member -> [String: Any] in
                [
                    "name": member.name.isEmpty ? text("signal.unborn_short") : member.name,
                    "birth": member.birthDate?.dutch ?? "—", "relation": text(member.relation.textKey),
                    "person": member.id,
                    "clientNumber": facts.profile.pseudonymised ? " (\(ClientNumber.of(member.id)))" : "",
                ]
            },
            "timeline": facts.events.reversed().map { event -> [String: Any] in
                ["at": DutchFormat.moment(event.occurredAt), "summary": event.summary]
            },
        ]
        if let stale { values.merge(staleChanges(stale)) { first, _ in first } }
        values.merge(basis()) { first, _ in first }
        values.merge(directors(title: facts.profile.displayName(for: .caseDirector, generic: generic))) { first, _ in
            first
        }
        return values
    }

    /// What colleagues changed in `section` after the page the refused save came from: who, when and what, so
    /// the user can compare it with their own input (kept in the form) and save again on purpose.
    private func staleChanges(_ section: EditSection) -> [String: Any] {
        let seen = form?.value("seen").flatMap { Int64($0) } ?? 0
        let names = Dictionary(people.map { ($0.user.id, "\($0.user.name) (\($0.organisation))") }) { first, _ in first
        }
        let organisations = Dictionary(facts.organisations.map { ($0.id, $0.name) }) { first, _ in first }
        return [
            "staleSection": text("stale.section.\(section.rawValue)"),
            "staleAnchor": [EditSection.plan: "plan", .assessment: "picture", .caseData: "household-title"][section]
                ?? "",
            "staleChanges": section.changes(since: seen, in: facts.events).map { event -> [String: Any] in
                [
                    "at": DutchFormat.moment(event.occurredAt), "summary": event.summary,
                    "by": event.actor == facts.grant.actor.user
                        ? text("stale.you")
                        : event.actor.flatMap { names[$0] } ?? event.actorOrganisation.flatMap { organisations[$0] }
                            ?? text("stale.someone"),
                ]
            },
        ]
    }

    /// Whether every change that made a save stale was the user's own, made in another window or tab: then the
    /// page does not speak of a colleague.
    private func ownChangesOnly(_ section: EditSection) -> Bool {
        let seen = form?.value("seen").flatMap { Int64($0) } ?? 0
        let changes = section.changes(since: seen, in: facts.events)
        return !changes.isEmpty && changes.allSatisfy { $0.actor == facts.grant.actor.user }
    }

    private func basis() -> [String: Any] {
        let current = facts.lawfulBasis
        return [
            "basis": current.basis.map { text("basis.\($0.rawValue)") } ?? text("basis.none"),
            "hasBasis": current.basis != nil, "basisNote": current.note, "hasBasisNote": !current.note.isEmpty,
            "bases": options(LawfulBasis.allCases, selected: kept("basis", current.basis?.rawValue ?? "")) {
                text("basis.\($0.rawValue)")
            },
            "basisNoteInput": kept("basis_note", current.note),
        ]
    }

    private func directors(title: String) -> [String: Any] {
        var values: [String: Any] = [
            "directorHistory": facts.directors.reversed().map { appointment -> [String: Any] in
                [
                    "name": appointment.userName, "organisation": appointment.organisationName,
                    "kind": text(appointment.kind.textKey), "from": appointment.startedOn.dutch,
                    "to": appointment.endedOn?.dutch ?? text("director.current"),
                ]
            },
            "hasDirectorHistory": !facts.directors.isEmpty,
            "directorFrom": kept("director_from", Day(Date()).dutch),
            "directionKinds": options(DirectorAppointment.Kind.allCases, selected: kept("direction", "casusregie")) {
                text($0.textKey)
            },
        ]
        for (key, kind) in [
            ("caseDirector", DirectorAppointment.Kind.caseDirection), ("processDirector", .processDirection),
        ] {
            if let current = facts.directors.current(kind) {
                values[key] = [
                    "name": current.userName, "organisation": current.organisationName,
                    "since": current.startedOn.dutch,
                ]
            }
        }
        if facts.directors.current(.caseDirection) == nil {
            values["fallbackDirector"] = String(
                format: text("director.fallback"),
                facts.profile.displayName(for: .networkDirector, generic: text(Role.networkDirector.textKey)))
        }
        if let opened = facts.openedOn {
            let norm = CaseDirectorNorm(profile: facts.profile, calendar: app.calendar)
            values["directorNorm"] = status(
                norm.status(decided: opened, appointed: facts.directors.firstCaseDirectorDay, today: Day(Date())))
        }
        let chosen = kept("director")
        values["candidates"] = ChoiceList.options(
            people.filter { $0.roles.contains(.caseDirector) }
                .map { person in
                    let warning = CaseloadWarning(households: caseloads[person.user.id] ?? 0, profile: facts.profile)
                    return Choice(
                        person.user.id.rawValue,
                        String(
                            format: text(
                                warning.wouldExceedWithOneMore ? "director.candidate_full" : "director.candidate",
                                count: warning.households),
                            person.user.name, person.organisation, warning.households),
                        chosen: person.user.id.rawValue == chosen)
                })
        if let maximum = facts.profile.caseloadMaximum {
            values["caseloadMaximum"] = String(format: text("director.caseload_maximum"), title, maximum)
        }
        return values
    }
}
