import Foundation
import RegieCore
import RegieStore

/// The rows of the signal list (signaallijst): each signal's age in working days against the profile's
/// eligibility norm, overdue ones marked. Every household passes the access policy; those shown are logged in one write.
struct SignalListView {
    let app: WebApp
    let context: AppRequestContext
    let network: Network

    func rows(filter: String) async throws -> [[String: Any]] {
        guard let user = context.identity, let profile = app.profiles.profile(for: network) else {
            return []
        }
        let t = app.views.translations
        let norm = EligibilityNorm(profile: profile, calendar: app.calendar)
        let domains = profile.domains
        let today = Day(Date())
        var rows: [(at: Date, values: [String: Any])] = []
        var shown: [AccessGrant] = []
        let db = app.database.sql
        // An undecided signal belongs to a household in intake, so the open and overdue views look only there;
        // "all" takes the households with the latest signals.
        let versions =
            filter == "all"
            ? try await HouseholdStore.factVersions(
                of: try await SignalStore.households(in: network.id, on: db), on: db)
            : try await HouseholdStore.factVersions(in: network.id, on: db)
        let entries = try await app.householdEntries(versions, today: today)
        let candidates = versions.compactMap { entries[$0.household]?.context }.filter {
            filter == "all" || $0.phase == .intake || $0.phase == .informationRound
        }
        // Support staff see intakes only; a household past intake is left out rather than refused.
        let grants = AccessGuard.decide(user.actor, .viewIntake, contexts: candidates)
        let triage = try await TimelineStore.events(kindsStartingWith: "triage.", grants, on: db)
        let signals = try await SignalStore.summaries(grants, on: db)
        for grant in grants {
            let decided = TriageStore.decisions(in: triage[grant.context.household] ?? []).first
            for signal in signals[grant.context.household] ?? [] {
                let open = decided == nil
                let status = norm.status(received: signal.receivedOn, decided: decided.map { Day($0.at) }, today: today)
                if filter == "open" && !open { continue }
                if filter == "overdue" && !status.isOverdue { continue }
                var due = ""
                if case .open(let day) = status { due = day.dutch }
                if case .overdue(let day) = status { due = day.dutch }
                if shown.last?.context.household != grant.context.household { shown.append(grant) }
                rows.append(
                    (
                        signal.receivedAt,
                        [
                            "received": DutchFormat.day(signal.receivedAt), "reference": signal.householdReference,
                            "reporter": signal.reporterName, "organisation": signal.reporterOrganisation,
                            "concerns": domains.filter { signal.concerns.contains($0.code) }.map(\.name).joined(
                                separator: ", "),
                            "crisis": signal.crisis, "urgent": signal.urgency == .urgent,
                            "age": open ? String(norm.age(received: signal.receivedOn, today: today)) : "—",
                            "due": due, "overdue": status.isOverdue,
                            "id": signal.id,
                            "status": decided.map { t.text($0.decision.outcome.textKey, context.locale) }
                                ?? t.text("signal_status.\(signal.phase.rawValue)", context.locale),
                            "decidedLate": { if case .decidedLate = status { return true } else { return false } }(),
                        ]
                    ))
            }
        }
        try await AccessGuard.record(shown, requestID: context.requestID, database: app.database)
        return rows.sorted { $0.at > $1.at }.map(\.values)
    }
}
