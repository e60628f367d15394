import Foundation

/// The rules a signal must meet before Regie stores it: the general ones and the network profile's own
/// (Zwolle: institutions only, a trigger and proof of an own attempt; Enschede and Leeuwarden: the household
/// is informed or there is a reason why not).
///
/// Returns problems per field as translation keys; an empty result means the signal may be stored.
/// Registration must cost professionals little time, so only what the decision needs is required.
public enum SignalIntakeRules {
    public static func problems(
        _ draft: SignalDraft, profile: WorkflowProfile, reporterIsInstitution: Bool, today: Day
    ) -> [String: String] {
        var problems: [String: String] = [:]
        if profile.intake.institutionsOnly && !reporterIsInstitution {
            problems["reporter"] = "error.signal_institutions_only"
        }
        if draft.persons.isEmpty { problems["persons"] = "error.signal_needs_person" }
        for (index, person) in draft.persons.enumerated() {
            for (field, key) in personProblems(person, today: today) { problems["person\(index).\(field)"] = key }
        }
        if !draft.noFixedAddress {
            if draft.street.trimmed.isEmpty { problems["street"] = "error.required" }
            if draft.houseNumber.trimmed.isEmpty { problems["houseNumber"] = "error.required" }
            if Postcode(draft.postcode) == nil { problems["postcode"] = "error.postcode_invalid" }
            if draft.city.trimmed.isEmpty { problems["city"] = "error.required" }
        }
        let known = Set(profile.domains.map(\.code))
        if draft.concerns.isEmpty { problems["concerns"] = "error.signal_needs_concern" }
        if draft.concerns.contains(where: { !known.contains($0) }) { problems["concerns"] = "error.invalid_choice" }
        if draft.description.trimmed.isEmpty { problems["description"] = "error.required" }
        if !TextLimit.allows(draft.description) { problems["description"] = "error.text_too_long" }
        if !draft.householdInformed && draft.notInformedReason.trimmed.isEmpty {
            problems["notInformedReason"] =
                profile.intake.householdMustBeInformed ? "error.signal_must_inform" : "error.signal_reason_not_informed"
        }
        if !profile.intake.requiredTriggers.isEmpty && !profile.intake.requiredTriggers.contains(draft.trigger) {
            problems["trigger"] = "error.signal_trigger_required"
        }
        if profile.intake.proofOfOwnAttempt && draft.ownAttempt.trimmed.isEmpty {
            problems["ownAttempt"] = "error.signal_own_attempt_required"
        }
        return problems
    }

    static func personProblems(_ person: SignalDraft.Person, today: Day) -> [String: String] {
        var problems: [String: String] = [:]
        if person.existingPersonID != nil { return problems }
        if !person.unborn && person.familyName.trimmed.isEmpty { problems["familyName"] = "error.required" }
        if !person.bsn.trimmed.isEmpty && BSN(person.bsn) == nil { problems["bsn"] = "error.bsn_invalid" }
        if let birth = person.birthDate {
            if person.unborn && birth < today { problems["birthDate"] = "error.expected_date_past" }
            if !person.unborn && birth > today { problems["birthDate"] = "error.birth_date_future" }
        }
        return problems
    }
}
