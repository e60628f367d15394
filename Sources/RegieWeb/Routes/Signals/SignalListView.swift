import Foundation
import RegieCore
import RegieStore

/// The rows of the signal list (signaallijst): each signal's age in working days against the profile's
/// eligibility norm, overdue ones marked. Every household shown passes the access guard and is logged.
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
        var rows: [[String: Any]] = []
        for household in try await SignalStore.households(in: network.id, on: app.database.sql) {
            // Support staff see intakes only; a household past intake is left out rather than refused.
            guard let access = try await HouseholdStore.accessContext(household, on: app.database.sql),
                AccessPolicy.decide(actor: user.actor, action: .viewIntake, context: access).allowed
            else { continue }
            let grant = try await AccessGuard.authorize(
                user.actor, .viewIntake, household: household,
                requestID: context.requestID, database: app.database)
            let events = try await TimelineStore.events(grant, on: app.database.sql)
            let decided = TriageStore.decisions(in: events).first
            for signal in try await SignalStore.summaries(grant, on: app.database.sql) {
                let open = decided == nil
                let status = norm.status(received: signal.receivedOn, decided: decided.map { Day($0.at) }, today: today)
                if filter == "open" && !open { continue }
                if filter == "overdue" && !status.isOverdue { continue }
                var due = ""
                if case .open(let day) = status { due = day.dutch }
                if case .overdue(let day) = status { due = day.dutch }
                rows.append([
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
                ])
            }
        }
        return rows
    }
}
