import Foundation
import RegieCore
import RegieStore
import SQLKit

/// Validates, matches identities, authorises and records a signal — the one path for the form and the API.
struct SignalService {
    let app: WebApp

    enum Outcome {
        /// Problems per field, as translation keys.
        case invalid([String: String])
        /// Known persons that may be the ones signalled, per person row; the user must choose.
        case needsIdentityChoice([Int: [SignalStore.Candidate]])
        case recorded(SignalStore.Recorded)
    }

    func submit(form: SignalForm, network: Network, context: AppRequestContext) async throws -> Outcome {
        guard let user = context.identity else { return .invalid(["reporter": "error.unauthorised"]) }
        var reporter = user.actor
        if let chosen = form.reporterID, chosen != user.account.id.rawValue {
            guard user.actor.roles(in: network.id).contains(.supportStaff),
                let other = try await UserStore.find(UserID(rawValue: chosen), on: app.database.sql),
                !(try await UserStore.roles(of: other.id, on: app.database.sql)).filter({ $0.network == network.id })
                    .isEmpty
            else { return .invalid(["reporter": "error.invalid_choice"]) }
            let roles = try await UserStore.roles(of: other.id, on: app.database.sql)
            reporter = AccessActor(
                user: other.id, organisation: other.organisation, assignments: roles,
                onBehalfOf: nil)
        }
        var problems: [String: String] = [:]
        for index in form.unreadableBirthDates { problems["person\(index).birthDate"] = "error.date_invalid" }
        return try await submit(
            draft: form.draft, fromInhabitant: form.fromInhabitant, reporter: reporter, enteredBy: user.account.id,
            network: network, requestID: context.requestID, extraProblems: problems)
    }

    func submit(
        draft: SignalDraft, fromInhabitant: Bool, reporter: AccessActor, enteredBy: UserID, network: Network,
        requestID: String, extraProblems: [String: String] = [:]
    ) async throws -> Outcome {
        guard let profile = app.profiles.profile(for: network) else {
            return .invalid(["network": "error.invalid_choice"])
        }
        let problems = SignalIntakeRules.problems(
            draft, profile: profile, reporterIsInstitution: !fromInhabitant, today: Day(Date())
        )
        .merging(extraProblems) { first, _ in first }
        guard problems.isEmpty else { return .invalid(problems) }
        var candidates: [Int: [SignalStore.Candidate]] = [:]
        for (index, person) in draft.persons.enumerated() where person.needsIdentityCheck {
            let found = try await SignalStore.candidates(for: person, network: network.id, on: app.database.sql)
            if !found.isEmpty { candidates[index] = found }
        }
        guard candidates.isEmpty else { return .needsIdentityChoice(candidates) }
        let household = HouseholdID()
        if SignalStore.startsNewHousehold(draft) {
            // All new: stored with the intakes that arrive meanwhile, a statement per table for all of them.
            return .recorded(
                try await AccessGuard.authorizeNewHousehold(
                    reporter, network: network.id, household: household, requestID: requestID, database: app.database,
                    records: {
                        SignalStore.newHousehold(
                            draft, network: network.id, household: household, reporter: reporter,
                            enteredBy: enteredBy)
                    }))
        }
        let recorded = try await AccessGuard.authorizeNewHousehold(
            reporter, network: network.id, household: household, requestID: requestID, database: app.database
        ) { db in
            let recorded = try await SignalStore.record(
                draft, network: network.id, household: household, reporter: reporter,
                enteredBy: enteredBy, on: db)
            if !recorded.newHousehold { try await noteRelapse(recorded.household, network: network.id, on: db) }
            return (recorded, recorded.household)
        }
        return .recorded(recorded)
    }

    /// A signal within 12 months after closure is a relapse: it is counted on the timeline and the last case
    /// director (with the network directors) is told.
    private func noteRelapse(_ household: HouseholdID, network: NetworkID, on db: any SQLDatabase) async throws {
        guard let closure = try await ClosureStore.relapse(of: household, signalledOn: Day(Date()), on: db) else {
            return
        }
        try await TimelineStore.append(
            TimelineEvent(
                household: household, network: network, actor: nil, actorOrganisation: nil, kind: "case.relapse",
                summary: "Terugval: nieuwe melding binnen 12 maanden na afsluiten (\(closure.request.closedOn.dutch))"),
            on: db)
        let notifier = Notifier(app: app)
        var users = try await notifier.users(with: [.networkDirector], in: network, on: db)
        if let director = closure.lastDirector { users.insert(director) }
        try await notifier.tell(
            users, .relapse, household: household, network: network,
            reference: try await HouseholdStore.reference(of: household, on: db),
            key: "relapse:\(household.rawValue):\(Date().millis)", on: db)
    }
}
