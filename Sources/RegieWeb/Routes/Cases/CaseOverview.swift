import Foundation
import RegieCore
import RegieStore

/// Process facts of the households a user may follow in one network — for the case list, the directors'
/// caseloads and the network meeting's agenda. Each household is read under a logged `viewProcess` grant;
/// nothing here shows content.
struct CaseOverview {
    /// One household's process facts.
    struct Row {
        let household: HouseholdID
        let reference: String
        let phase: CasePhase
        let director: DirectorAppointment?
        let planStatus: PlanStatus?
        let planVersion: Int?
        let adoptedOn: Day?
        let attention: Int
        let directorNorm: NormStatus
        let agendaReasons: Set<NetworkMeetingAgenda.Reason>
    }

    let app: WebApp

    /// Households of `network` the user may follow: all of them for network directors, support staff and
    /// process managers; the ones they direct for case directors.
    func rows(network: Network, profile: WorkflowProfile, context: AppRequestContext) async throws -> [Row] {
        guard let user = context.identity else { return [] }
        let roles = user.actor.roles(in: network.id)
        let db = app.database.sql
        let households: [HouseholdID]
        if !roles.isDisjoint(with: [.networkDirector, .supportStaff, .processManager]) {
            households = try await SignalStore.households(in: network.id, on: db)
        } else if roles.contains(.caseDirector) {
            households = try await DirectorStore.households(directedBy: user.account.id, in: network.id, on: db)
        } else {
            return []
        }
        let today = Day(Date())
        var rows: [Row] = []
        for household in households {
            let grant = try await AccessGuard.authorize(
                user.actor, .viewProcess, household: household, requestID: context.requestID, database: app.database)
            rows.append(try await row(grant, profile: profile, today: today))
        }
        return rows
    }

    private func row(_ grant: AccessGrant, profile: WorkflowProfile, today: Day) async throws -> Row {
        let db = app.database.sql
        let phase = grant.context.phase
        let directors = try await DirectorStore.history(grant, on: db)
        let plan = try await PlanStore.current(grant, on: db)
        let commitments = try await CommitmentStore.items(grant, on: db)
        let attention = commitments.filter {
            CommitmentAttention.of(status: $0.status, dueOn: $0.dueOn, today: today) != nil
        }.count
        let events = try await TimelineStore.events(grant, on: db)
        let opened = InformationRoundStore.coordination(in: events).map { Day($0.at) }
        let norm =
            opened.map {
                CaseDirectorNorm(profile: profile, calendar: app.calendar)
                    .status(decided: $0, appointed: directors.firstCaseDirectorDay, today: today)
            } ?? .noNorm
        var reasons = Set<NetworkMeetingAgenda.Reason>()
        if phase == .intake || phase == .informationRound { reasons.insert(.decisionDue) }
        if phase == .active {
            if directors.current(.caseDirection) == nil { reasons.insert(.directorMissing) }
            if plan?.concept != nil { reasons.insert(.planToAdopt) }
            if attention > 0 { reasons.insert(.commitmentAttention) }
            if let adopted = plan?.adopted?.adoptedOn,
                ProgressReportNorm(profile: profile, calendar: app.calendar).isDue(since: adopted, today: today)
            {
                reasons.insert(.evaluationDue)
            }
        }
        let shown = plan?.concept ?? plan?.adopted
        return Row(
            household: grant.context.household, reference: try await HouseholdStore.reference(grant, on: db),
            phase: phase, director: directors.current(.caseDirection), planStatus: shown?.status,
            planVersion: shown?.number, adoptedOn: plan?.adopted?.adoptedOn, attention: attention,
            directorNorm: norm, agendaReasons: reasons)
    }
}
