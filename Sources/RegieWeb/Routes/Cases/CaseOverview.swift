import Foundation
import RegieCore
import RegieStore

/// Process facts of the households a user may follow in one network — for the case list, the directors'
/// caseloads and the network meeting's agenda. Each household's access is decided by the policy and the
/// households a page shows are logged under `viewProcess`, in one write; nothing here shows content. What is
/// derived per household is reused from `HouseholdFactsCache` while the household's fact version and the day
/// stand, so a list costs one indexed read plus the households that changed.
struct CaseOverview {
    /// One household's process facts. Shared by reference between the cache and the pages, for the same
    /// reason as the cache's entries.
    final class Row: Sendable {
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
        /// The profile the norms and reasons were derived with: a row derived under other settings is derived again.
        let profile: ProfileSettings

        init(
            household: HouseholdID, reference: String, phase: CasePhase, director: DirectorAppointment?,
            planStatus: PlanStatus?, planVersion: Int?, adoptedOn: Day?, attention: Int, directorNorm: NormStatus,
            agendaReasons: Set<NetworkMeetingAgenda.Reason>, intake: (since: Day, signal: String?)?,
            relapseSince: Day?, openedOn: Day?, monitor: CaseMonitor?,
            undecidedEscalations: [EscalationStore.Escalation], familyLevel: Int?, profile: ProfileSettings
        ) {
            self.household = household
            self.reference = reference
            self.phase = phase
            self.director = director
            self.planStatus = planStatus
            self.planVersion = planVersion
            self.adoptedOn = adoptedOn
            self.attention = attention
            self.directorNorm = directorNorm
            self.agendaReasons = agendaReasons
            self.intake = intake
            self.relapseSince = relapseSince
            self.openedOn = openedOn
            self.monitor = monitor
            self.undecidedEscalations = undecidedEscalations
            self.familyLevel = familyLevel
            self.profile = profile
        }
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

    /// As `rows(network:profile:context:shown:)`, with the page choosing what it shows from all rows at once;
    /// only the rows `selecting` returns are logged as seen.
    func rows(
        network: Network, profile: WorkflowProfile, context: AppRequestContext, selecting: ([Row]) -> [Row]
    ) async throws -> [Row] {
        guard let user = context.identity else { return [] }
        let candidates = try await candidates(network: network, profile: profile, user: user, today: Day(Date()))
        let grantOf = Dictionary(candidates.map { ($0.row.household, $0.grant) }) { first, _ in first }
        let shown = selecting(candidates.map(\.row))
        try await AccessGuard.record(
            shown.compactMap { grantOf[$0.household] }, requestID: context.requestID, database: app.database)
        return shown
    }

    /// Every row the user may follow with the grant that allows it, nothing logged yet: the caller logs what it
    /// shows. A caller that already read the network's cache entries passes them as `networkEntries`, so a
    /// request walks them once.
    func candidates(
        network: Network, profile: WorkflowProfile, user: SignedInUser, today: Day,
        networkEntries: [HouseholdFactsCache.Entry]? = nil
    ) async throws -> [(row: Row, grant: AccessGrant)] {
        let roles = user.actor.roles(in: network.id)
        let db = app.database.sql
        let entries: [HouseholdFactsCache.Entry]
        if !roles.isDisjoint(with: [.networkDirector, .supportStaff, .processManager]) {
            if let networkEntries {
                entries = networkEntries
            } else {
                entries = try await app.networkEntries(network.id, today: today).all
            }
        } else if roles.contains(.caseDirector) {
            entries = try await app.householdEntries(
                try await HouseholdStore.factVersions(
                    of: try await DirectorStore.households(directedBy: user.account.id, in: network.id, on: db),
                    on: db),
                today: today)
        } else {
            return []
        }
        let entryOf = Dictionary(entries.map { ($0.household, $0) }) { first, _ in first }
        let grants = AccessGuard.decide(
            user.actor, .viewProcess, contexts: entries.map(\.context).filter { $0.phase != .closed })
        let settings = network.profileSettings
        let fresh = try await rows(
            grants.filter { entryOf[$0.context.household]?.row?.profile != settings }, profile: profile,
            settings: settings, today: today)
        var derived: [HouseholdFactsCache.Entry] = []
        var candidates: [(row: Row, grant: AccessGrant)] = []
        candidates.reserveCapacity(grants.count)
        for grant in grants {
            guard let entry = entryOf[grant.context.household] else { continue }
            if let cached = entry.row, cached.profile == settings {
                candidates.append((cached, grant))
            } else if let row = fresh[grant.context.household] {
                derived.append(entry.with(row))
                candidates.append((row, grant))
            }
        }
        if !derived.isEmpty { await app.householdFacts.keep(derived) }
        return candidates
    }

    /// How many rows are derived at the same time.
    private static let derivationWidth = 4

    /// The rows of the grants' households, a few derived at a time: each is a dozen small reads that mostly wait
    /// for the database, and a list that derives a whole network (after a restart, or when the day turned)
    /// waited for them one after the other.
    private func rows(_ grants: [AccessGrant], profile: WorkflowProfile, settings: ProfileSettings, today: Day)
        async throws -> [HouseholdID: Row]
    {
        var rows: [HouseholdID: Row] = [:]
        rows.reserveCapacity(grants.count)
        try await withThrowingTaskGroup(of: Row.self) { group in
            var waiting = grants.makeIterator()
            func start() {
                guard let grant = waiting.next() else { return }
                group.addTask { try await self.row(grant, profile: profile, settings: settings, today: today) }
            }
            for _ in 0..<Self.derivationWidth { start() }
            while let row = try await group.next() {
                rows[row.household] = row
                start()
            }
        }
        return rows
    }

    private func row(_ grant: AccessGrant, profile: WorkflowProfile, settings: ProfileSettings, today: Day)
        async throws -> Row
    {
        let db = app.database.sql
        let phase = grant.context.phase
        let directors = try await DirectorStore.history(grant, on: db)
        let plan = try await PlanStore.current(grant, on: db)
        let commitments = try await CommitmentStore.items(grant, on: db)
        let attention = commitments.filter {
            CommitmentAttention.of(status: $0.status, dueOn: $0.dueOn, phase: phase, today: today) != nil
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
                ? nil : try await FamilyLevelStore.history(grant, on: db).current?.level, profile: settings)
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
