import Foundation
import RegieCore
import RegieStore

/// The part of a user's worklist that comes from every household of the network — the case items a director,
/// support staff member or process manager follows, and the aftercare checks that are due — derived at once and
/// kept per user and network while the network's fact stamp and the day stand (`StampedCache`). A director's
/// list at region scale weighs 2,500 households and orders a thousand items; between two changes in the network
/// the answer is the same. What is shown is logged by the worklist on every view, not here.
struct NetworkWorklist: Sendable {
    /// Whose list, where, how long: a cached part is only ever reused for the same user with the same roles.
    struct Slot: Hashable, Sendable {
        let actor: AccessActor
        let network: NetworkID
        let limit: WorklistLimit
    }

    /// The derived part: case items within the limit and how many of each kind were left out, aftercare checks
    /// (limited with the rest of the worklist), and the grant of every household whose item is shown.
    struct Part: Sendable {
        let caseItems: [WorklistItem]
        let leftOut: [WorklistItem.Kind: Int]
        let aftercareItems: [WorklistItem]
        let shown: [AccessGrant]
    }

    let app: WebApp
    let user: SignedInUser
    let network: Network
    let profile: WorkflowProfile
    let limit: WorklistLimit
    let today: Day

    /// Reads the network's households once for both kinds of items.
    func derive() async throws -> Part {
        let roles = user.actor.roles(in: network.id)
        let followsNetwork = !roles.isDisjoint(with: [.networkDirector, .supportStaff, .processManager])
        let checksAftercare = !roles.isDisjoint(with: [.partnerWorker, .caseDirector, .networkDirector])
        let entries =
            followsNetwork || checksAftercare ? try await app.networkEntries(network.id, today: today) : nil
        let candidates = try await CaseOverview(app: app).candidates(
            network: network, profile: profile, user: user, today: today, networkEntries: entries)
        let items = candidates.flatMap { candidate in
            caseItems(candidate.row, roles: roles, own: candidate.row.director?.user == user.account.id)
                .map { (candidate.grant, $0) }
        }
        let (shown, leftOut) = limit.apply(items, item: \.1)
        var grants: [AccessGrant] = []
        var seen = Set<HouseholdID>()
        for (grant, _) in shown where seen.insert(grant.context.household).inserted { grants.append(grant) }
        var aftercare: (items: [WorklistItem], shown: [AccessGrant]) = ([], [])
        if checksAftercare, let entries {
            // The network director keeps an eye on every check; partners see those of their own households.
            aftercare = try await aftercareItems(everyHousehold: roles.contains(.networkDirector), entries: entries)
        }
        return Part(
            caseItems: shown.map(\.1), leftOut: leftOut, aftercareItems: aftercare.items,
            shown: grants + aftercare.shown)
    }

    /// Items about one case for the network's directors, support staff and process managers, or its own director.
    private func caseItems(_ row: CaseOverview.Row, roles: Set<Role>, own: Bool) -> [WorklistItem] {
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

    /// Aftercare checks that are due among the network's `entries`: for the households whose care team the user
    /// is in, or every one. Each household passes the access policy; those with a check shown come back with it.
    private func aftercareItems(everyHousehold: Bool, entries: [HouseholdFactsCache.Entry]) async throws
        -> (items: [WorklistItem], shown: [AccessGrant])
    {
        let db = app.database.sql
        let schedule = AftercareSchedule(profile: profile, calendar: app.calendar)
        let inAftercare = entries.map(\.context).filter {
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
        return (items, shown)
    }
}
