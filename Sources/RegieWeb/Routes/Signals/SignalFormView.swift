import Foundation
import RegieCore
import RegieStore

/// The values of the signal form: the network's own domains and intake rules, the input kept after an
/// error, the errors next to their fields, and known persons to choose from.
struct SignalFormView {
    let app: WebApp
    let context: AppRequestContext
    let network: Network

    private func text(_ key: String) -> String { app.views.translations.text(key, context.locale) }

    func values(form: SignalForm?, problems: [String: String], candidates: [Int: [SignalStore.Candidate]])
        async throws -> [String: Any]
    {
        let profile = app.profiles.profile(for: network)
        let draft = form?.draft
        func value(_ name: String) -> String { form?.form.value(name) ?? "" }
        func error(_ field: String) -> String? { problems[field].map(text) }
        var errors: [String: String] = [:]
        for field in [
            "reporter", "persons", "street", "houseNumber", "postcode", "city", "concerns", "description",
            "notInformedReason", "trigger", "ownAttempt",
        ] {
            if let message = error(field) { errors[field] = message }
        }
        let chosenConcerns = Set(draft?.concerns ?? [])
        let trigger = value("trigger")
        var result: [String: Any] = [
            "networkName": network.name, "errors": errors, "hasErrors": !problems.isEmpty,
            "needsChoice": !candidates.isEmpty,
            "street": value("street"), "houseNumber": value("house_number"), "postcode": value("postcode"),
            "city": value("city"), "neighbourhood": value("neighbourhood"),
            "noFixedAddress": draft?.noFixedAddress ?? false, "description": form?.form.text("description") ?? "",
            "informedNo": value("informed") == "no", "notInformedReason": value("not_informed_reason"),
            "crisis": draft?.crisis ?? false, "fromInhabitant": form?.fromInhabitant ?? false,
            "ownAttempt": value("own_attempt"),
            "mustInform": profile?.intake.householdMustBeInformed ?? false,
            "institutionsOnly": profile?.intake.institutionsOnly ?? false,
            "askOwnAttempt": profile?.intake.proofOfOwnAttempt ?? false,
            "askTrigger": !(profile?.intake.requiredTriggers.isEmpty ?? true),
            "triggers": ChoiceList.options(
                (profile?.intake.requiredTriggers ?? []).map {
                    Choice($0, text("signal_trigger.\($0)"), chosen: $0 == trigger)
                }),
            "domains": ChoiceList.checkboxes(
                "concern",
                (profile?.domains ?? LifeDomain.defaults).map {
                    Choice($0.code, $0.name, chosen: chosenConcerns.contains($0.code))
                }),
            "channels": options(
                SignalChannel.allCases.map { ($0.rawValue, $0.textKey) },
                chosen: draft?.channel.rawValue ?? "form"),
            "origins": options(
                SignalOrigin.allCases.map { ($0.rawValue, $0.textKey) },
                chosen: draft?.origin.rawValue ?? "environment"),
            "urgencies": options(
                SignalUrgency.allCases.map { ($0.rawValue, $0.textKey) },
                chosen: draft?.urgency.rawValue ?? "normal"),
            "persons": (0..<SignalForm.personRows).map { index in
                personRow(index, form: form, problems: problems, candidates: candidates[index] ?? [])
            },
        ]
        if let reporters = try await reporterOptions(chosen: form?.reporterID) {
            result["reporters"] = reporters
            result["hasReporters"] = true
        }
        return result
    }

    /// Choices from (value, translation key) pairs.
    private func choices(_ items: [(String, String)], chosen: String) -> [Choice] {
        items.map { Choice($0.0, text($0.1), chosen: $0.0 == chosen) }
    }

    /// Select options from (value, translation key) pairs.
    private func options(_ items: [(String, String)], chosen: String) -> ChoiceList {
        .options(choices(items, chosen: chosen))
    }

    private func personRow(
        _ index: Int, form: SignalForm?, problems: [String: String],
        candidates: [SignalStore.Candidate]
    ) -> [String: Any] {
        func field(_ name: String) -> String { form?.form.value("person\(index)_\(name)") ?? "" }
        var errors: [String: String] = [:]
        for name in ["familyName", "bsn", "birthDate"] {
            if let key = problems["person\(index).\(name)"] { errors[name] = text(key) }
        }
        let relation = field("relation").isEmpty ? (index == 0 ? "parent" : "child") : field("relation")
        return [
            "index": index, "number": index + 1, "given": field("given"), "prefix": field("prefix"),
            "family": field("family"), "birth": field("birth"), "bsn": field("bsn"), "unborn": field("unborn") == "on",
            "choice": field("choice"), "errors": errors,
            "relations": ChoiceList.options(
                Choice.each(MemberRelation.allCases, chosen: relation) { text($0.textKey) }),
            "legal": [
                "custodies": legalOptions(Custody.allCases.map { ($0.rawValue, $0.textKey) }, chosen: field("custody")),
                "measures": legalOptions(
                    ProtectionMeasure.allCases.map { ($0.rawValue, $0.textKey) },
                    chosen: field("measure")),
                "placements": legalOptions(
                    Placement.allCases.map { ($0.rawValue, $0.textKey) },
                    chosen: field("placement")),
                "open": !(field("custody") + field("measure") + field("placement")).isEmpty,
            ] as [String: Any],
            "candidates": candidates.map { candidate -> [String: Any] in
                [
                    "id": candidate.personID, "name": candidate.name,
                    "birth": candidate.birthDate?.dutch ?? "—", "household": candidate.householdReference ?? "—",
                    "certain": candidate.strength == .sameBSN,
                ]
            },
            "hasCandidates": !candidates.isEmpty,
        ]
    }

    /// Options for a legal-status select, with "unknown / not applicable" first.
    private func legalOptions(_ items: [(String, String)], chosen: String) -> ChoiceList {
        .options([Choice("", text("legal.unknown"), chosen: chosen.isEmpty)] + choices(items, chosen: chosen))
    }

    /// Support staff enter signals on behalf of a reporter of the network; others report as themselves.
    private func reporterOptions(chosen: String?) async throws -> ChoiceList? {
        guard let user = context.identity, user.actor.roles(in: network.id).contains(.supportStaff) else { return nil }
        var options: [Choice] = []
        for candidate in try await UserStore.all(on: app.database.sql) where candidate.active {
            let roles = try await UserStore.roles(of: candidate.id, on: app.database.sql)
            guard roles.contains(where: { $0.network == network.id }) else { continue }
            let selected = chosen.map { $0 == candidate.id.rawValue } ?? (candidate.id == user.account.id)
            options.append(Choice(candidate.id.rawValue, candidate.name, chosen: selected))
        }
        return .options(options)
    }
}
