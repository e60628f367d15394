/// Reads the overrides an administrator typed on the network form: every field empty means "as the profile";
/// periods in Dutch words ("5 werkdagen"), "geen" for no norm or no maximum. Problems come back per field, as text
/// keys, so the form can show them beside the field with the input kept.
public enum ProfileOverrideForm {
    /// Form field names, shared by the page and this reader.
    public static func roleField(_ role: Role) -> String { "role_\(role.rawValue)" }
    public static func normField(_ key: ProfileOverrides.NormKey) -> String { "norm_\(key.rawValue)" }
    public static let aftercare = "aftercare_intervals"
    public static let meetingInterval = "meeting_interval"
    public static let caseloadMaximum = "caseload_maximum"
    public static let inclusionDomains = "inclusion_domains"
    public static let planDrafter = "plan_drafter"
    public static let agendaRule = "agenda_rule"
    public static let householdAtConference = "household_at_conference"
    public static let closureCriterion = "closure_criterion"
    public static let pseudonymised = "pseudonymised"

    private static let none = "geen"

    /// Every field of the override part of the form.
    public static var fieldNames: [String] {
        ProfileOverrides.namedRoles.map(roleField) + ProfileOverrides.NormKey.allCases.map(normField) + [
            aftercare, meetingInterval, caseloadMaximum, inclusionDomains, planDrafter, agendaRule,
            householdAtConference, closureCriterion, pseudonymised,
        ]
    }

    /// The overrides in `value` (a form's fields), and the problems by field name.
    public static func read(_ value: (String) -> String?) -> (ProfileOverrides, [String: String]) {
        var overrides = ProfileOverrides()
        var problems: [String: String] = [:]
        func typed(_ field: String) -> String { (value(field) ?? "").trimmingCharacters(in: .whitespaces) }
        for role in ProfileOverrides.namedRoles {
            let name = typed(roleField(role))
            if name.count > 60 {
                problems[roleField(role)] = "error.role_name_too_long"
            } else if !name.isEmpty {
                overrides.roleNames[role.rawValue] = name
            }
        }
        for key in ProfileOverrides.NormKey.allCases {
            let text = typed(normField(key))
            if text.isEmpty { continue }
            if text.lowercased() == none {
                overrides.norms[key.rawValue] = .some(nil)
            } else if let period = NormPeriod(dutch: text) {
                overrides.norms[key.rawValue] = period
            } else {
                problems[normField(key)] = "error.norm_period"
            }
        }
        let intervals = typed(aftercare)
        if !intervals.isEmpty {
            let periods = intervals.split(separator: ",").map { NormPeriod(dutch: String($0)) }
            if periods.contains(where: { $0 == nil }) {
                problems[aftercare] = "error.norm_periods"
            } else {
                overrides.aftercare = periods.compactMap { $0 }
            }
        }
        let interval = typed(meetingInterval)
        if !interval.isEmpty {
            if let period = NormPeriod(dutch: interval) {
                overrides.meetingInterval = period
            } else {
                problems[meetingInterval] = "error.norm_period"
            }
        }
        for (field, range) in [(caseloadMaximum, 1...200), (inclusionDomains, 1...20)] {
            let text = typed(field)
            if text.isEmpty { continue }
            let number = text.lowercased() == none ? 0 : Int(text)
            guard let number, number == 0 || range.contains(number) else {
                problems[field] = "error.whole_number"
                continue
            }
            if field == caseloadMaximum {
                overrides.caseloadMaximum = number
            } else {
                overrides.advisoryInclusionDomains = number
            }
        }
        overrides.planDrafter = choice(typed(planDrafter), field: planDrafter, into: &problems)
        overrides.agendaRule = choice(typed(agendaRule), field: agendaRule, into: &problems)
        overrides.householdAtConference = choice(
            typed(householdAtConference), field: householdAtConference, into: &problems)
        overrides.closureCriterion = choice(typed(closureCriterion), field: closureCriterion, into: &problems)
        switch typed(pseudonymised) {
        case "": break
        case "yes": overrides.pseudonymised = true
        case "no": overrides.pseudonymised = false
        default: problems[pseudonymised] = "error.invalid_choice"
        }
        return (overrides, problems)
    }

    private static func choice<T: RawRepresentable>(
        _ text: String, field: String, into problems: inout [String: String]
    )
        -> T? where T.RawValue == String
    {
        guard !text.isEmpty else { return nil }
        guard let value = T(rawValue: text) else {
            problems[field] = "error.invalid_choice"
            return nil
        }
        return value
    }

    /// What the form shows for `overrides` (the inverse of `read`), by field name.
    public static func fields(_ overrides: ProfileOverrides) -> [String: String] {
        var fields: [String: String] = [:]
        for (role, name) in overrides.roleNames {
            if let role = Role(rawValue: role) { fields[roleField(role)] = name }
        }
        for (name, period) in overrides.norms {
            if let key = ProfileOverrides.NormKey(rawValue: name) { fields[normField(key)] = period?.dutch ?? none }
        }
        fields[aftercare] = overrides.aftercare?.map(\.dutch).joined(separator: ", ")
        fields[meetingInterval] = overrides.meetingInterval?.dutch
        fields[caseloadMaximum] = overrides.caseloadMaximum.map { $0 == 0 ? none : String($0) }
        fields[inclusionDomains] = overrides.advisoryInclusionDomains.map { $0 == 0 ? none : String($0) }
        fields[planDrafter] = overrides.planDrafter?.rawValue
        fields[agendaRule] = overrides.agendaRule?.rawValue
        fields[householdAtConference] = overrides.householdAtConference?.rawValue
        fields[closureCriterion] = overrides.closureCriterion?.rawValue
        fields[pseudonymised] = overrides.pseudonymised.map { $0 ? "yes" : "no" }
        return fields
    }
}
