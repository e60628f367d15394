import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// `GET /api/v1/cases/{id}`: a case as a partner system (a director's own registration, a municipality's case
/// overview) needs it — phase, directors, members, the plan in force or being made, the commitments, and what the
/// norms and stall detection derive from them today.
///
/// Only for users who may see the whole file (`viewContent`: the network director, the household's case director, and
/// care-team members once the care team agreed to share the file, on a legal basis); everyone else gets 403, logged
/// like every refusal. The page's own-part and process views and breaking the glass are for people, on the case page,
/// not for systems.
struct CaseApi {
    let app: WebApp

    struct CaseOut: Encodable {
        let household: String, reference: String, network: String, phase: String
        let openedOn: String?
        let directors: [DirectorOut]
        let members: [MemberOut]
        let plan: PlanOut?
        let commitments: [CommitmentOut]
        let monitoring: MonitoringOut?
    }
    struct DirectorOut: Encodable {
        let user: String, name: String, organisation: String, kind: String, startedOn: String
    }
    struct MemberOut: Encodable { let id: String, name: String, relation: String, birthDate: String? }
    struct PlanOut: Encodable {
        let id: String, version: Int, status: String, adoptedOn: String?
        let goals: [GoalOut]
    }
    struct GoalOut: Encodable {
        let key: String, domain: String, persons: [String], description: String, householdWords: String
        let targetOn: String?
    }
    struct CommitmentOut: Encodable {
        let id: String, description: String, organisation: String, organisationName: String
        let person: String?, personName: String, dueOn: String?, goal: String?, status: String
        let attention: String?
    }
    /// Derived, never stored: what is due or stalls on the day asked.
    struct MonitoringOut: Encodable {
        let progressReportDue: String?
        let evaluationsDue: [EvaluationDue]
        let stalled: Bool
        let stallReasons: [StallOut]
    }
    struct EvaluationDue: Encodable { let goal: String, since: String }
    /// Why care stalls: a goal without progress, a declined or overdue commitment, or scores not improving.
    struct StallOut: Encodable { let kind: String, goal: String?, commitment: String?, since: String }

    func register(_ routes: RecordedGroup) {
        routes.get("cases/:id") { _, context in try await show(context) }
    }

    private func show(_ context: AppRequestContext) async throws -> Response {
        guard context.identity != nil else { throw HTTPError(.unauthorized, message: "error.api_token_missing") }
        let grant = try await CaseService(app: app).grant(.viewContent, context)
        let facts = try await app.caseFacts(grant).facts
        let today = Day(Date())
        let active = grant.context.phase == .active
        let version = facts.shownVersion
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encodeResponse(
            CaseOut(
                household: grant.context.household.rawValue, reference: facts.reference,
                network: facts.network.id.rawValue, phase: grant.context.phase.rawValue,
                openedOn: facts.openedOn?.iso,
                directors: facts.directors.filter(\.isCurrent).map {
                    DirectorOut(
                        user: $0.user.rawValue, name: $0.userName, organisation: $0.organisationName,
                        kind: $0.kind.rawValue, startedOn: $0.startedOn.iso)
                },
                members: facts.members.map {
                    MemberOut(id: $0.id, name: $0.name, relation: $0.relation.rawValue, birthDate: $0.birthDate?.iso)
                },
                plan: facts.plan.flatMap { plan in
                    version.map { version in
                        PlanOut(
                            id: plan.id, version: version.number, status: version.status.rawValue,
                            adoptedOn: version.adoptedOn?.iso,
                            goals: version.goals.map {
                                GoalOut(
                                    key: $0.key, domain: $0.domain, persons: $0.persons, description: $0.description,
                                    householdWords: $0.householdWords, targetOn: $0.targetOn?.iso)
                            })
                    }
                },
                commitments: facts.commitments.map {
                    CommitmentOut(
                        id: $0.id, description: $0.description, organisation: $0.organisation.rawValue,
                        organisationName: $0.organisationName, person: $0.person?.rawValue,
                        personName: $0.personName, dueOn: $0.dueOn?.iso, goal: $0.goalKey, status: $0.status.rawValue,
                        attention: CommitmentAttention.of(
                            status: $0.status, dueOn: $0.dueOn, phase: grant.context.phase, today: today)?.rawValue)
                },
                monitoring: active ? monitoring(facts.monitor(calendar: app.calendar, today: today)) : nil))
    }

    private func monitoring(_ monitor: CaseMonitor) -> MonitoringOut {
        MonitoringOut(
            progressReportDue: monitor.report?.due.iso,
            evaluationsDue: monitor.evaluationsDue.map { EvaluationDue(goal: $0.goal, since: $0.since.iso) },
            stalled: monitor.isStalled, stallReasons: monitor.stall.map(stall))
    }

    private func stall(_ reason: StallDetection.Reason) -> StallOut {
        switch reason {
        case .goalWithoutProgress(let goal, let since):
            return StallOut(kind: "goal_without_progress", goal: goal, commitment: nil, since: since.iso)
        case .commitment(let id, let attention, let since):
            return StallOut(kind: "commitment_\(attention.rawValue)", goal: nil, commitment: id, since: since.iso)
        case .scoresNotImproving(_, let latest):
            return StallOut(kind: "scores_not_improving", goal: nil, commitment: nil, since: latest.iso)
        }
    }
}
