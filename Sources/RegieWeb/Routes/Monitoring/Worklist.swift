import Foundation
import RegieCore
import RegieStore

/// The worklist on every user's home page: what needs them in the current network, each item derived from
/// recorded facts and the profile's norms — never from a flag — with why and since when. Directors, support
/// staff and process managers see the network's cases (process facts only); case directors their own
/// households; partners their requests, commitments and aftercare checks.
struct Worklist {
    let app: WebApp
    let context: AppRequestContext

    /// The items shown under `limit` and how many of each kind were left out. Only the households of shown items
    /// are logged as seen.
    func items(network: Network, profile: WorkflowProfile, limit: WorklistLimit, today: Day = Day(Date()))
        async throws -> (items: [WorklistItem], leftOut: [WorklistItem.Kind: Int])
    {
        guard let user = context.identity else { return ([], [:]) }
        let roles = user.actor.roles(in: network.id)
        let own = { (row: CaseOverview.Row) in row.director?.user == user.account.id }
        var items: [WorklistItem] = []
        var leftOut: [WorklistItem.Kind: Int] = [:]
        _ = try await CaseOverview(app: app).rows(network: network, profile: profile, context: context) { rows in
            let entries = rows.flatMap { row in
                caseItems(row, roles: roles, own: own(row), profile: profile, today: today).map { (row, $0) }
            }
            let (shown, more) = limit.apply(entries, item: \.1)
            items = shown.map(\.1)
            leftOut = more
            var seen = Set<HouseholdID>()
            return shown.map(\.0).filter { seen.insert($0.household).inserted }
        }
        if AccessPolicy.mayUse(.breakGlassReview, roles: roles) {
            for entry in try await BreakGlassStore.unreviewed(in: network.id, on: app.database.sql) {
                items.append(
                    WorklistItem(
                        kind: .breakGlassReview, link: "/access/break-glass", reference: entry.reference,
                        why: "worklist.why.break_glass", whyValues: [entry.userName],
                        since: Day(Date(millis: entry.occurredAt)), due: nil))
            }
        }
        if AccessPolicy.mayUse(.handovers, roles: roles) {
            for offer in try await HandoverStore.pending(to: network.id, on: app.database.sql) {
                items.append(
                    WorklistItem(
                        kind: .handoverOffer, link: "/handovers/\(offer.id)", reference: offer.fromNetworkName,
                        why: "worklist.why.handover", since: Day(offer.offeredAt), due: nil))
            }
        }
        if roles.contains(.partnerWorker) || roles.contains(.caseDirector) {
            items += try await partnerItems(user: user, network: network.id, today: today)
        }
        if !roles.isDisjoint(with: [.partnerWorker, .caseDirector, .networkDirector]) {
            // The network director keeps an eye on every check; partners see those of their own households.
            items += try await aftercareItems(
                user: user, everyHousehold: roles.contains(.networkDirector), network: network.id, profile: profile,
                today: today)
        }
        let (shown, more) = limit.apply(items, item: { $0 })
        return (shown, leftOut.merging(more, uniquingKeysWith: +))
    }

    /// Items about one case for the network's directors, support staff and process managers, or its own director.
    private func caseItems(_ row: CaseOverview.Row, roles: Set<Role>, own: Bool, profile: WorkflowProfile, today: Day)
        -> [WorklistItem]
    {
        let link = "/cases/\(row.household.rawValue)"
        let leads = roles.contains(.networkDirector)
        let follows = leads || roles.contains(.processManager)
        func item(_ kind: WorklistItem.Kind, _ why: String, _ values: [String] = [], since: Day, due: Day? = nil)
            -> WorklistItem
        {
            WorklistItem(
                kind: kind, link: link, reference: row.reference, why: why, whyValues: values, since: since, due: due)
        }
        var items: [WorklistItem] = []
        if let intake = row.intake, leads || roles.contains(.supportStaff) {
            let due = EligibilityNorm(profile: profile, calendar: app.calendar)
                .status(received: intake.since, decided: nil, today: today).due
            items.append(
                WorklistItem(
                    kind: .signalDecision, link: intake.signal.map { "/signals/\($0)" } ?? "/signals",
                    reference: row.reference, why: "worklist.why.signal_decision", since: intake.since, due: due))
        }
        if let since = row.relapseSince, leads {
            items.append(item(.relapse, "worklist.why.relapse", since: since))
        }
        if row.phase == .active, row.director == nil, leads, let opened = row.openedOn {
            items.append(
                item(.directorMissing, "worklist.why.director_missing", since: opened, due: row.directorNorm.due))
        }
        for escalation in row.undecidedEscalations where follows || own {
            let (clock, steps) = escalation.course(in: profile, calendar: app.calendar, today: today)
            let current = steps.last
            items.append(
                item(
                    .escalationDecision, "worklist.why.escalation",
                    [current.map { clock.ladder[$0.rung].name } ?? ""], since: escalation.raisedOn,
                    due: current?.deadline))
        }
        guard let monitor = row.monitor else { return items }
        if let first = monitor.stall.map(\.since).min(), follows || own {
            items.append(item(.stalled, "worklist.why.stalled", [String(monitor.stall.count)], since: first))
        }
        guard own else { return items }
        if case .open(let due) = monitor.firstContact, let adopted = row.adoptedOn {
            items.append(item(.firstContactDue, "worklist.why.first_contact", since: adopted, due: due))
        }
        if case .overdue(let due) = monitor.firstContact, let adopted = row.adoptedOn {
            items.append(item(.firstContactDue, "worklist.why.first_contact", since: adopted, due: due))
        }
        if let report = monitor.report {
            items.append(
                item(
                    .reportDue, report.becauseOfDeviation ? "worklist.why.report_deviation" : "worklist.why.report",
                    since: report.since, due: report.due))
        }
        if let talk = monitor.talk {
            items.append(item(.progressTalkDue, "worklist.why.progress_talk", since: talk.since, due: talk.due))
        }
        if let oldest = monitor.evaluationsDue.map(\.since).min() {
            items.append(
                item(.evaluationDue, "worklist.why.evaluation", [String(monitor.evaluationsDue.count)], since: oldest))
        }
        return items
    }

    /// Information requests to answer and commitments to accept or complete.
    private func partnerItems(user: SignedInUser, network: NetworkID, today: Day) async throws -> [WorklistItem] {
        let db = app.database.sql
        var items: [WorklistItem] = []
        let asking = try await InformationRoundStore.households(
            askingOrganisation: user.account.organisation, in: network, on: db)
        let contexts = try await app.householdEntries(
            try await HouseholdStore.factVersions(of: asking, on: db), today: today)
        for household in asking where contexts[household]?.context.phase == .informationRound {
            guard
                let grant = try? await AccessGuard.authorize(
                    user.actor, .viewIntake, household: household, requestID: context.requestID, database: app.database)
            else { continue }
            let reference = try await HouseholdStore.reference(grant, on: db)
            for request in try await InformationRoundStore.requests(grant, on: db)
            where request.organisation == user.account.organisation && request.answer == nil {
                items.append(
                    WorklistItem(
                        kind: .informationRequest, link: "/inbox", reference: reference,
                        why: "worklist.why.information_request", since: Day(request.askedAt), due: request.dueOn))
            }
        }
        for household in try await CommitmentStore.households(
            withOpenCommitmentsOf: user.account.id, in: network, on: db)
        {
            guard
                let grant = try? await AccessGuard.authorize(
                    user.actor, .viewOwnPart, household: household, requestID: context.requestID, database: app.database
                )
            else { continue }
            let reference = try await HouseholdStore.reference(grant, on: db)
            let asked = try await MonitoringStore.commitmentAnswerDays(grant, on: db)
            for commitment in try await OwnPartStore.commitments(grant, on: db).items
            where commitment.person == user.account.id {
                switch commitment.status {
                case .proposed:
                    items.append(
                        WorklistItem(
                            kind: .commitmentAnswer, link: "/inbox", reference: reference,
                            why: "worklist.why.commitment_answer", since: commitment.createdOn, due: nil))
                case .accepted:
                    items.append(
                        WorklistItem(
                            kind: .commitmentDone, link: "/inbox", reference: reference,
                            why: "worklist.why.commitment_done", since: asked[commitment.id] ?? commitment.createdOn,
                            due: commitment.dueOn))
                case .declined, .done: break
                }
            }
        }
        return items
    }

    /// Aftercare checks that are due: for the households whose care team the user is in, or every one. Each
    /// household passes the access policy; those with a check shown are logged as seen.
    private func aftercareItems(
        user: SignedInUser, everyHousehold: Bool, network: NetworkID, profile: WorkflowProfile, today: Day
    ) async throws -> [WorklistItem] {
        let db = app.database.sql
        let schedule = AftercareSchedule(profile: profile, calendar: app.calendar)
        let inAftercare = try await app.householdEntries(
            try await HouseholdStore.factVersions(in: network, on: db), today: today
        ).values.map(\.context).filter {
            $0.phase == .aftercare && (everyHousehold || $0.careTeam.contains(user.account.id))
        }
        let grantOf = Dictionary(
            AccessGuard.decide(user.actor, .viewProcess, contexts: inAftercare).map { ($0.context.household, $0) }
        ) { first, _ in first }
        let closures = try await ClosureStore.latestDays(of: Array(grantOf.keys), on: db)
        let answered = try await AftercareStore.answeredChecks(closures: closures.map(\.id), on: db)
        var items: [WorklistItem] = []
        var shown: [AccessGrant] = []
        for closure in closures {
            guard let grant = grantOf[closure.household],
                let next = schedule.next(closedOn: closure.closedOn, answered: answered[closure.id] ?? []),
                next.day <= today
            else { continue }
            items.append(
                WorklistItem(
                    kind: .aftercareCheckDue, link: "/cases/\(closure.household.rawValue)#aftercare",
                    reference: try await HouseholdStore.reference(grant, on: db),
                    why: "worklist.why.aftercare", whyValues: [String(next.index + 1)], since: next.day, due: nil))
            shown.append(grant)
        }
        try await AccessGuard.record(shown, requestID: context.requestID, database: app.database)
        return items
    }
}
