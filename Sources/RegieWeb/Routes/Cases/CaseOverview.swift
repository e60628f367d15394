import Foundation
import RegieCore
import RegieStore

/// Process facts of the households a user may follow in one network — for the case list, the directors'
/// caseloads and the network meeting's agenda. Each household's access is decided by the policy and the
/// households a page shows are logged under `viewProcess`, in one write; nothing here shows content. What is
/// derived per household is reused from `HouseholdFactsCache` while the household's fact version and the day
/// stand, so a list costs one indexed read plus the households that changed.
struct CaseOverview {
    /// One household's process facts.
    struct Row: Sendable {
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
        /// The first signal of the intake that is running (its day and id), when one is.
        let intake: (since: Day, signal: String?)?
        /// A new signal during aftercare (a relapse) that nobody acted on yet.
        let relapseSince: Day?
        let openedOn: Day?
        /// Progress norms and stall reasons of an open case.
        let monitor: CaseMonitor?
        let undecidedEscalations: [EscalationStore.Escalation]
        /// The family level now, in networks with a level pyramid.
        let familyLevel: Int?
    }

    let app: WebApp

    /// Households of `network` the user may follow and that are not closed: all of them for network directors,
    /// support staff and process managers; the ones they direct for case directors. Only the rows `shown`
    /// accepts come back, and only those are logged as seen.
    func rows(
        network: Network, profile: WorkflowProfile, context: AppRequestContext, shown: (Row) -> Bool = { _ in true }
    ) async throws -> [Row] {
        try await rows(network: network, profile: profile, context: context, selecting: { $0.filter(shown) })
    }

    /// As `rows(network:profile:context:shown:)`, with the page choosing what it shows from all rows at once (the
    /// worklist shows a limited number per kind); only the rows `selecting` returns are logged as seen.
    func rows(
        network: Network, profile: WorkflowProfile, context: AppRequestContext, selecting: ([Row]) -> [Row]
    ) async throws -> [Row] {
        guard let user = context.identity else { return [] }
        let roles = user.actor.roles(in: network.id)
        let db = app.database.sql
        let versions: [(household: HouseholdID, version: Int64)]
        if !roles.isDisjoint(with: [.networkDirector, .supportStaff, .processManager]) {
            versions = try await HouseholdStore.factVersions(in: network.id, on: db)
        } else if roles.contains(.caseDirector) {
            versions = try await HouseholdStore.factVersions(
                of: try await DirectorStore.households(directedBy: user.account.id, in: network.id, on: db), on: db)
        } else {
            return []
        }
        let today = Day(Date())
        var entries = try await app.householdEntries(versions, today: today)
        let grants = AccessGuard.decide(
            user.actor, .viewProcess,
            contexts: versions.compactMap { entries[$0.household]?.context }
                .filter { $0.phase != .closed })
        var derived: [HouseholdID: HouseholdFactsCache.Entry] = [:]
        var rows: [Row] = []
        var grantOf: [HouseholdID: AccessGrant] = [:]
        for grant in grants {
            let household = grant.context.household
            guard var entry = entries[household] else { continue }
            let row: Row
            if let cached = entry.row {
                row = cached
            } else {
                row = try await self.row(grant, profile: profile, today: today)
                entry.row = row
                entries[household] = entry
                derived[household] = entry
            }
            rows.append(row)
            grantOf[household] = grant
        }
        await app.householdFacts.keep(derived)
        let shown = selecting(rows)
        try await AccessGuard.record(
            shown.compactMap { grantOf[$0.household] }, requestID: context.requestID, database: app.database)
        return shown
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
        let undecided = try await EscalationStore.escalations(grant, on: db).filter { $0.decidedOn == nil }
        let monitor =
            phase == .active
            ? try await monitorOf(
                grant, plan: plan, commitments: commitments, events: events, today: today, profile: profile) : nil
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
            if monitor?.report != nil || monitor?.evaluationsDue.isEmpty == false { reasons.insert(.evaluationDue) }
            if monitor?.isStalled == true { reasons.insert(.stalled) }
            if !undecided.isEmpty { reasons.insert(.escalated) }
        }
        let shown = plan?.concept ?? plan?.adopted
        return Row(
            household: grant.context.household, reference: try await HouseholdStore.reference(grant, on: db),
            phase: phase, director: directors.current(.caseDirection), planStatus: shown?.status,
            planVersion: shown?.number, adoptedOn: plan?.adopted?.adoptedOn, attention: attention,
            directorNorm: norm, agendaReasons: reasons, intake: Self.intake(events, phase: phase),
            relapseSince: phase == .aftercare
                ? events.last { $0.kind == "case.relapse" || $0.kind == "case.closed" }
                    .flatMap { $0.kind == "case.relapse" ? Day($0.occurredAt) : nil } : nil,
            openedOn: opened, monitor: monitor,
            undecidedEscalations: undecided,
            familyLevel: profile.familyLevels.isEmpty
                ? nil : try await FamilyLevelStore.history(grant, on: db).current?.level)
    }

    private func monitorOf(
        _ grant: AccessGrant, plan: PlanStore.Plan?, commitments: [CommitmentStore.Item], events: [TimelineEvent],
        today: Day, profile: WorkflowProfile
    ) async throws -> CaseMonitor {
        let db = app.database.sql
        return CaseMonitor(
            .of(
                plan: plan, progress: try await MonitoringStore.entries(grant, on: db).map(\.entry),
                evaluations: try await MonitoringStore.evaluations(grant, on: db).map(\.evaluation),
                commitments: commitments, answerDays: try await MonitoringStore.commitmentAnswerDays(grant, on: db),
                scores: try await AssessmentStore.scores(grant, on: db), events: events),
            profile: profile, calendar: app.calendar, today: today)
    }

    /// The first signal since the household last left intake, while it is in intake.
    static func intake(_ events: [TimelineEvent], phase: CasePhase) -> (since: Day, signal: String?)? {
        guard phase == .intake || phase == .informationRound else { return nil }
        var first: (since: Day, signal: String?)?
        for event in events {
            if event.kind == "signal.received" && first == nil {
                let recorded = event.after.flatMap {
                    try? JSONDecoder().decode([String: String].self, from: Data($0.utf8))
                }
                first = (Day(event.occurredAt), recorded?["signal"])
            }
            if let entered = CasePhase.entryEvents[event.kind], entered != .intake && entered != .informationRound {
                first = nil
            }
        }
        return first
    }
}
