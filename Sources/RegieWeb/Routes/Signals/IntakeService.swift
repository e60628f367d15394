import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// The decisions of steps 2–3 — crisis dispatch, triage, the information round, answers, home visits and the
/// coordination decision — with their checks, for the web pages and the JSON API alike.
struct IntakeService {
    let app: WebApp

    typealias Problems = FieldProblems

    /// Decides and logs `action` on the household of signal `id`.
    func grant(_ action: AccessAction, signal id: String, actor: AccessActor, requestID: String) async throws
        -> AccessGrant
    {
        guard let household = try await SignalStore.household(ofSignal: id, on: app.database.sql) else {
            throw HTTPError(.notFound, message: "error.not_found")
        }
        return try await AccessGuard.authorize(
            actor, action, household: household, requestID: requestID,
            database: app.database)
    }

    /// Refuses a user whom the policy would not let take `action` on the signal's household, before their form
    /// is even read — logged like every refusal; an allowed user is logged once, when the action runs.
    func refuseUnlessAllowed(_ action: AccessAction, signal id: String, actor: AccessActor, requestID: String)
        async throws
    {
        guard let household = try await SignalStore.household(ofSignal: id, on: app.database.sql),
            let context = try await HouseholdStore.accessContext(household, on: app.database.sql)
        else { throw HTTPError(.notFound, message: "error.not_found") }
        if !AccessPolicy.decide(actor: actor, action: action, context: context).allowed {
            _ = try await grant(action, signal: id, actor: actor, requestID: requestID)
        }
    }

    func dispatchCrisis(service: String, signal id: String, actor: AccessActor, requestID: String) async throws {
        let service = service.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !service.isEmpty else { throw Problems(["service": "error.required"]) }
        let grant = try await grant(.decide, signal: id, actor: actor, requestID: requestID)
        try await app.database.write { db in
            try await TriageStore.recordCrisisDispatch(service: service, dispatchedAt: Date(), grant: grant, on: db)
        }
    }

    func triage(_ decision: TriageDecision, signal id: String, actor: AccessActor, requestID: String) async throws {
        guard decision.problems.isEmpty else { throw Problems(decision.problems) }
        let grant = try await grant(.decide, signal: id, actor: actor, requestID: requestID)
        guard grant.context.phase == .intake else { throw Problems(["outcome": "error.triage_already"]) }
        try await app.database.write { db in try await TriageStore.record(decision, grant: grant, on: db) }
    }

    func startRound(organisations: [OrganisationID], signal id: String, actor: AccessActor, requestID: String)
        async throws
    {
        let grant = try await grant(.decide, signal: id, actor: actor, requestID: requestID)
        let members = Set(
            try await NetworkStore.members(of: grant.context.network, on: app.database.sql).map(\.organisation))
        guard !organisations.isEmpty, organisations.allSatisfy(members.contains) else {
            throw Problems(["organisations": "error.information_choose"])
        }
        guard grant.context.phase == .informationRound else {
            throw Problems(["organisations": "error.information_not_now"])
        }
        let profile = try await NetworkStore.find(grant.context.network, on: app.database.sql)
            .flatMap { app.profiles.profile(for: $0) }
        let due = (profile?.norms.informationRoundAnswer ?? NormPeriod(5, .workingDays))
            .dueDay(from: Day(Date()), calendar: app.calendar)
        try await app.database.write { db in
            try await InformationRoundStore.start(organisations: organisations, dueOn: due, grant: grant, on: db)
        }
    }

    func recordVisit(
        _ visit: HomeVisit, signal id: String, actor: AccessActor, requestID: String,
        extraProblems: [String: String] = [:]
    ) async throws {
        let problems = visit.problems(today: Day(Date())).merging(extraProblems) { _, extra in extra }
        guard problems.isEmpty else { throw Problems(problems) }
        let grant = try await grant(.decide, signal: id, actor: actor, requestID: requestID)
        guard grant.context.phase == .informationRound else {
            throw Problems(["visitedOn": "error.information_not_now"])
        }
        try await app.database.write { db in try await InformationRoundStore.recordVisit(visit, grant: grant, on: db) }
    }

    func coordinate(_ decision: CoordinationDecision, signal id: String, actor: AccessActor, requestID: String)
        async throws
    {
        guard decision.problems.isEmpty else { throw Problems(decision.problems) }
        let grant = try await grant(.decide, signal: id, actor: actor, requestID: requestID)
        guard grant.context.phase == .informationRound else {
            throw Problems(["coordination": "error.information_not_now"])
        }
        try await app.database.write { db in try await InformationRoundStore.decide(decision, grant: grant, on: db) }
    }

    /// A partner's answer to its organisation's request.
    func answer(request requestID: String, known: Bool, shared: String, actor: AccessActor, logRequestID: String)
        async throws
    {
        guard let household = try await InformationRoundStore.household(ofRequest: requestID, on: app.database.sql)
        else { throw HTTPError(.notFound, message: "error.not_found") }
        let grant = try await AccessGuard.authorize(
            actor, .viewIntake, household: household,
            requestID: logRequestID, database: app.database)
        guard grant.context.phase == .informationRound else { throw Problems(["known": "error.information_not_now"]) }
        do {
            try await app.database.write { db in
                try await InformationRoundStore.answer(
                    requestID: requestID, known: known, shared: shared, grant: grant,
                    on: db)
            }
        } catch StoreError.notFound {
            throw HTTPError(.notFound, message: "error.not_found")
        }
    }
}
