import Foundation
import RegieCore
import RegieStore

/// The part of a user's worklist that comes from every household of the network — the case items a director,
/// support staff member or process manager follows, and the aftercare checks that are due — derived at once and
/// kept per user and network while the network's fact stamp and the day stand (`StampedCache`). A director's
/// list at region scale weighs 2,500 households and orders a thousand items; between two changes in the network
/// the answer is the same. What is shown is logged by the worklist on every view, not here.
struct NetworkWorklist: Sendable {
    /// Whose list, where, how long, by which profile: a cached part is only ever reused for the same user with the
    /// same roles, and not after the network's norms changed.
    struct Slot: Hashable, Sendable {
        let actor: AccessActor
        let network: NetworkID
        let limit: WorklistLimit
        let profile: ProfileSettings
    }

    /// What one household adds to the list at one fact version: the items about its case and its aftercare check
    /// that is due, with the grant that allows showing them (none when the household adds nothing).
    struct Share: Sendable {
        let version: Int64
        let grant: AccessGrant?
        let caseItems: [WorklistItem]
        let aftercare: WorklistItem?
    }

    /// The derived part: case items and aftercare checks within the limit and how many of each kind were left out,
    /// and the grant of every household whose item is shown — the households the page logs as seen. `shares`
    /// holds what each of the network's households added, at the version it was derived at, for the next
    /// derivation to take over; `derived` says how many of them this derivation read afresh.
    struct Part: Sendable {
        /// The case items and aftercare checks shown, in worklist order.
        let items: [WorklistItem]
        let leftOut: [WorklistItem.Kind: Int]
        let shown: [AccessGrant]
        /// `shown` grouped for the access log once, kept with the part for every view that logs it.
        let shownLog: AccessLogList
        let shares: [HouseholdID: Share]
        let derived: Int
    }

    let app: WebApp
    let user: SignedInUser
    let network: Network
    let profile: WorkflowProfile
    let limit: WorklistLimit
    let today: Day

    /// Reads the network's households once for both kinds of items. What a household added to `earlier` (the
    /// same user's list of the same day) is taken over while its fact version stands — the same facts, roles and
    /// day give the same items — so after one new signal only that household is read again, where a director's
    /// list at region scale otherwise decides and walks 2,500 households and reads every due aftercare check.
    func derive(earlier: Part? = nil) async throws -> Part {
        let roles = user.actor.roles(in: network.id)
        let followsNetwork = !roles.isDisjoint(with: [.networkDirector, .supportStaff, .processManager])
        let checksAftercare = !roles.isDisjoint(with: [.partnerWorker, .caseDirector, .networkDirector])
        let entries =
            followsNetwork || checksAftercare ? try await app.networkEntries(network.id, today: today) : []
        var shares = [HouseholdID: Share](minimumCapacity: entries.count)
        var changed: [HouseholdFactsCache.Entry] = []
        for entry in entries {
            if let share = earlier?.shares[entry.household], share.version == entry.version {
                shares[entry.household] = share
            } else {
                changed.append(entry)
            }
        }
        for (household, share) in try await self.shares(
            of: changed, roles: roles, followsNetwork: followsNetwork, checksAftercare: checksAftercare)
        {
            shares[household] = share
        }
        var items: [(AccessGrant, WorklistItem)] = []
        var aftercare: [(grant: AccessGrant, item: WorklistItem)] = []
        for entry in entries {
            guard let share = shares[entry.household], let grant = share.grant else { continue }
            for item in share.caseItems { items.append((grant, item)) }
            if let item = share.aftercare { aftercare.append((grant, item)) }
        }
        if !followsNetwork {
            // A case director's own households: a few dozen, read every time (appointments are not in the entries).
            let candidates = try await CaseOverview(app: app).candidates(
                network: network, profile: profile, user: user, today: today)
            for candidate in candidates {
                let own = candidate.row.director?.user == user.account.id
                for item in caseItems(candidate.row, roles: roles, own: own) { items.append((candidate.grant, item)) }
            }
        }
        // Aftercare checks are limited here with the case items, so only households whose item is shown are logged.
        let (shown, leftOut) = limit.apply(items + aftercare.map { ($0.grant, $0.item) }, item: \.1)
        var grants: [AccessGrant] = []
        var seen = Set<HouseholdID>()
        for (grant, _) in shown where seen.insert(grant.context.household).inserted { grants.append(grant) }
        return Part(
            items: shown.map(\.1), leftOut: leftOut, shown: grants, shownLog: AccessLogList(grants), shares: shares,
            derived: changed.count)
    }

    /// What each of `entries` adds, read afresh: the items about its case for those who follow the network, and
    /// its due aftercare check for those who check aftercare.
    private func shares(
        of entries: [HouseholdFactsCache.Entry], roles: Set<Role>, followsNetwork: Bool, checksAftercare: Bool
    ) async throws -> [HouseholdID: Share] {
        guard !entries.isEmpty else { return [:] }
        var cases: [HouseholdID: (grant: AccessGrant, items: [WorklistItem])] = [:]
        if followsNetwork {
            let candidates = try await CaseOverview(app: app).candidates(
                network: network, profile: profile, user: user, today: today, networkEntries: entries)
            for candidate in candidates {
                let own = candidate.row.director?.user == user.account.id
                cases[candidate.row.household] = (candidate.grant, caseItems(candidate.row, roles: roles, own: own))
            }
        }
        // The network director keeps an eye on every check; partners see those of their own households.
        let checks =
            checksAftercare
            ? try await aftercareChecks(everyHousehold: roles.contains(.networkDirector), entries: entries) : [:]
        var shares: [HouseholdID: Share] = [:]
        for entry in entries {
            let (found, check) = (cases[entry.household], checks[entry.household])
            shares[entry.household] = Share(
                version: entry.version, grant: found?.grant ?? check?.grant, caseItems: found?.items ?? [],
                aftercare: check?.item)
        }
        return shares
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
    /// is in, or every one. Each household passes the access policy; those with a check due come back with it.
    private func aftercareChecks(everyHousehold: Bool, entries: [HouseholdFactsCache.Entry]) async throws
        -> [HouseholdID: (grant: AccessGrant, item: WorklistItem)]
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
        var checks: [HouseholdID: (grant: AccessGrant, item: WorklistItem)] = [:]
        for closure in closures {
            guard let grant = grantOf[closure.household],
                let next = schedule.next(closedOn: closure.closedOn, answered: answered[closure.id] ?? []),
                next.day <= today
            else { continue }
            checks[closure.household] = (
                grant,
                WorklistItem(
                    kind: .aftercareCheckDue, link: "/cases/\(closure.household.rawValue)#aftercare",
                    reference: try await HouseholdStore.reference(grant, on: db),
                    why: "worklist.why.aftercare", whyValues: [String(next.index + 1)], since: next.day, due: nil)
            )
        }
        return checks
    }
}
