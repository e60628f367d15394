import Foundation
import RegieCore

/// The part of the network form where an administrator changes single settings of the chosen profile: each field
/// shows the profile's own value as its placeholder, so an empty field visibly means "as the profile".
struct ProfileOverridesView {
    let profile: WorkflowProfile?
    /// The field values to show: typed input sent back, else the network's saved overrides.
    let fields: [String: String]
    let errors: [String: String]
    let text: (String) -> String

    private typealias Form = ProfileOverrideForm

    private func field(_ name: String, label: String, placeholder: String) -> [String: Any] {
        [
            "field": name, "label": label, "placeholder": placeholder, "value": fields[name] ?? "",
            "error": errors[name] ?? "", "hasError": errors[name] != nil,
        ]
    }

    private func select<T: RawRepresentable>(
        _ name: String, label: String, current: T?, all: [T], option: (T) -> String
    ) -> [String: Any] where T.RawValue == String {
        let asProfile = current.map { String(format: text("overrides.as_profile"), option($0)) } ?? ""
        return [
            "field": name, "label": label, "error": errors[name] ?? "", "hasError": errors[name] != nil,
            "options": ChoiceList.options(
                [Choice("", asProfile, chosen: (fields[name] ?? "").isEmpty)]
                    + all.map { Choice($0.rawValue, option($0), chosen: fields[name] == $0.rawValue) }),
        ]
    }

    func values() -> [String: Any] {
        let none = text("overrides.none")
        let period = { (value: NormPeriod?) in value?.dutch ?? none }
        let number = { (value: Int?) in value.map(String.init) ?? none }
        return [
            "overrideRoles": ProfileOverrides.namedRoles.map { role in
                let generic = text("role.\(role.rawValue)")
                return field(
                    Form.roleField(role), label: generic,
                    placeholder: profile?.displayName(for: role, generic: generic) ?? generic)
            },
            "overrideNorms": ProfileOverrides.NormKey.allCases.map { key in
                field(Form.normField(key), label: text(key.textKey), placeholder: period(profile?.norms.value(key)))
            },
            "overrideSingles": [
                field(
                    Form.aftercare, label: text("overrides.aftercare"),
                    placeholder: profile.map { $0.aftercare.map(\.dutch).joined(separator: ", ") } ?? ""),
                field(
                    Form.meetingInterval, label: text("overrides.meeting_interval"),
                    placeholder: period(profile?.meetingInterval)),
                field(
                    Form.caseloadMaximum, label: text("overrides.caseload_maximum"),
                    placeholder: number(profile?.caseloadMaximum)),
                field(
                    Form.inclusionDomains, label: text("overrides.inclusion_domains"),
                    placeholder: number(profile?.advisoryInclusionDomains)),
            ],
            "overrideChoices": [
                select(
                    Form.planDrafter, label: text("overrides.plan_drafter"), current: profile?.planDrafter,
                    all: [.networkDirector, .caseDirector, .conference]
                ) { text("overrides.plan_drafter.\($0.rawValue)") },
                select(
                    Form.agendaRule, label: text("overrides.agenda_rule"), current: profile?.agendaRule,
                    all: [.needsDiscussion, .allOpenCases]
                ) { text("overrides.agenda_rule.\($0.rawValue)") },
                select(
                    Form.householdAtConference, label: text("overrides.household_at_conference"),
                    current: profile?.householdAtConference, all: [.sometimes, .always, .firstMeeting]
                ) { text("overrides.household_at_conference.\($0.rawValue)") },
                select(
                    Form.closureCriterion, label: text("overrides.closure_criterion"),
                    current: profile?.closureCriterion,
                    all: [.inRegularCare, .selfReliant, .problemsReduced, .solvedOrManageable]
                ) { text("closure_criterion.\($0.rawValue)") },
                select(
                    Form.pseudonymised, label: text("overrides.pseudonymised"),
                    current: profile.map { $0.pseudonymised ? Answer.yes : Answer.no }, all: [Answer.yes, .no]
                ) { text("overrides.answer.\($0.rawValue)") },
            ],
        ]
    }

    /// Yes or no for the pseudonymised-agenda choice.
    private enum Answer: String { case yes, no }
}
