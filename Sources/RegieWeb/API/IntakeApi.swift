import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// The intake path through the API: a signal's status, the director's decisions, and the partner's
/// information requests — the same services and checks as the web pages.
struct IntakeApi {
    let app: WebApp

    struct Status: Encodable {
        struct Triage: Encodable { let outcome: String, decidedAt: Date, referredTo: String, reason: String }
        struct Coordination: Encodable { let outcome: String, decidedAt: Date, referredTo: String, reason: String }
        struct RequestOut: Encodable {
            let id: String, organisation: String, dueOn: String, status: String, known: Bool?
        }
        let signal: String, household: String, reference: String, receivedAt: Date, phase: String
        let triage: Triage?
        let coordination: Coordination?
        let informationRequests: [RequestOut]
    }

    struct TriageInput: Decodable {
        var outcome: TriageDecision.Outcome
        var urgency: SignalUrgency?
        var safety: TriageDecision.Safety?
        var safetyNote: String?
        var referredTo: String?
        var reason: String?
    }
    struct CrisisInput: Decodable { var service: String }
    struct RoundInput: Decodable { var organisations: [String] }
    struct CoordinationInput: Decodable {
        var outcome: CoordinationDecision.Outcome
        var referredTo: String?
        var reason: String?
    }
    struct VisitInput: Decodable {
        var visitedOn: Day
        var visitors: String
        var roleDivision: String?
        var reason: String
        var outcome: String
        var letIn: Bool
    }
    struct AnswerInput: Decodable {
        var known: Bool
        var shared: String?
    }

    struct InboxItem: Encodable {
        struct Person: Encodable { let name: String, birthDate: String? }
        let id: String, reference: String, dueOn: String, status: String, address: String, persons: [Person]
    }

    func register(_ routes: RecordedGroup) {
        routes.get("signals/:id") { _, context in try await status(context) }
        routes.get("information-requests") { _, context in try await inbox(context) }
        routes.post("signals/:id/decision") { request, context in
            let input = try await decode(TriageInput.self, request, context)
            return try await run(context) { service, id, actor in
                try await service.triage(
                    TriageDecision(
                        outcome: input.outcome, urgency: input.urgency ?? .normal,
                        safety: input.safety ?? .unknown, safetyNote: input.safetyNote ?? "",
                        referredTo: input.referredTo ?? "", reason: input.reason ?? ""),
                    signal: id, actor: actor, requestID: context.requestID)
            }
        }
        routes.post("signals/:id/crisis") { request, context in
            let input = try await decode(CrisisInput.self, request, context)
            return try await run(context) { service, id, actor in
                try await service.dispatchCrisis(
                    service: input.service, signal: id, actor: actor,
                    requestID: context.requestID)
            }
        }
        routes.post("signals/:id/information-round") { request, context in
            let input = try await decode(RoundInput.self, request, context)
            return try await run(context) { service, id, actor in
                try await service.startRound(
                    organisations: input.organisations.compactMap(OrganisationID.init(validating:)),
                    signal: id, actor: actor, requestID: context.requestID)
            }
        }
        routes.post("signals/:id/home-visits") { request, context in
            let input = try await decode(VisitInput.self, request, context)
            return try await run(context) { service, id, actor in
                try await service.recordVisit(
                    HomeVisit(
                        visitedOn: input.visitedOn, visitors: input.visitors, roleDivision: input.roleDivision ?? "",
                        reason: input.reason, outcome: input.outcome, letIn: input.letIn),
                    signal: id, actor: actor, requestID: context.requestID)
            }
        }
        routes.post("signals/:id/coordination") { request, context in
            let input = try await decode(CoordinationInput.self, request, context)
            return try await run(context) { service, id, actor in
                try await service.coordinate(
                    CoordinationDecision(
                        outcome: input.outcome, referredTo: input.referredTo ?? "",
                        reason: input.reason ?? ""),
                    signal: id, actor: actor, requestID: context.requestID)
            }
        }
        routes.post("information-requests/:id/answer") { request, context in
            let input = try await decode(AnswerInput.self, request, context)
            return try await run(context) { service, id, actor in
                try await service.answer(
                    request: id, known: input.known, shared: input.shared ?? "", actor: actor,
                    logRequestID: context.requestID)
            }
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: AppRequestContext) async throws
        -> T
    {
        do {
            return try await request.decode(as: type, context: context)
        } catch {
            throw HTTPError(.badRequest, message: "error.api_body_invalid")
        }
    }

    /// Runs a decision: 204 when stored, 422 with a message per field when a check failed.
    private func run(
        _ context: AppRequestContext, _ action: (IntakeService, String, AccessActor) async throws -> Void
    ) async throws -> Response {
        guard let user = context.identity else { throw HTTPError(.unauthorized, message: "error.api_token_missing") }
        let id = try context.parameters.require("id")
        do {
            try await action(IntakeService(app: app), id, user.actor)
        } catch let problems as IntakeService.Problems {
            let t = app.views.translations
            return ApiError.response(
                status: .unprocessableContent, message: t.text("signal.check_fields", context.locale),
                requestID: context.requestID,
                details: ["fields": problems.fields.mapValues { t.text($0, context.locale) }])
        }
        return Response(status: .noContent)
    }

    /// The partner's open information requests, with only what is needed to look the household up.
    private func inbox(_ context: AppRequestContext) async throws -> Response {
        guard let user = context.identity else { throw HTTPError(.unauthorized, message: "error.api_token_missing") }
        var items: [InboxItem] = []
        let today = Day(Date())
        for network in user.actor.networks where user.actor.roles(in: network).contains(.partnerWorker) {
            for household in try await InformationRoundStore.households(
                askingOrganisation: user.account.organisation, in: network, on: app.database.sql)
            where try await HouseholdStore.accessContext(household, on: app.database.sql)?.phase == .informationRound {
                let grant = try await AccessGuard.authorize(
                    user.actor, .viewIntake, household: household,
                    requestID: context.requestID, database: app.database)
                guard let signal = try await SignalStore.summaries(grant, on: app.database.sql).first,
                    let detail = try await SignalStore.detail(signal.id, grant: grant, on: app.database.sql)
                else { continue }
                for request in try await InformationRoundStore.requests(grant, on: app.database.sql) {
                    items.append(
                        InboxItem(
                            id: request.id, reference: signal.householdReference, dueOn: request.dueOn.iso,
                            status: InformationRequestStatus.of(
                                answered: request.answer != nil, due: request.dueOn,
                                today: today
                            ).rawValue,
                            address: detail.address,
                            persons: detail.members.map {
                                InboxItem.Person(name: $0.name, birthDate: $0.birthDate?.iso)
                            }))
                }
            }
        }
        return try JSONEncoder().encodeResponse(items)
    }

    private func status(_ context: AppRequestContext) async throws -> Response {
        guard let user = context.identity else { throw HTTPError(.unauthorized, message: "error.api_token_missing") }
        let id = try context.parameters.require("id")
        let grant = try await IntakeService(app: app).grant(
            .viewIntake, signal: id, actor: user.actor,
            requestID: context.requestID)
        guard let summary = try await SignalStore.summaries(grant, on: app.database.sql).first(where: { $0.id == id })
        else { throw HTTPError(.notFound, message: "error.not_found") }
        let events = try await TimelineStore.events(grant, on: app.database.sql)
        let triage = TriageStore.decisions(in: events).first
        let coordination = InformationRoundStore.coordination(in: events)
        let today = Day(Date())
        let requests = try await InformationRoundStore.requests(grant, on: app.database.sql)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encodeResponse(
            Status(
                signal: id, household: summary.household.rawValue, reference: summary.householdReference,
                receivedAt: summary.receivedAt, phase: grant.context.phase.rawValue,
                triage: triage.map {
                    Status.Triage(
                        outcome: $0.decision.outcome.rawValue, decidedAt: $0.at,
                        referredTo: $0.decision.referredTo, reason: $0.decision.reason)
                },
                coordination: coordination.map {
                    Status.Coordination(
                        outcome: $0.decision.outcome.rawValue, decidedAt: $0.at,
                        referredTo: $0.decision.referredTo,
                        reason: $0.decision.reason)
                },
                informationRequests: requests.map { request in
                    Status.RequestOut(
                        id: request.id, organisation: request.organisation.rawValue, dueOn: request.dueOn.iso,
                        status: InformationRequestStatus.of(
                            answered: request.answer != nil, due: request.dueOn,
                            today: today
                        ).rawValue,
                        known: request.answer?.known)
                }))
    }
}
