import Foundation
import RegieCore
import RegieStore
import Synchronization

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

    /// One item with the grant on the household it is about. Shared by reference: a director's kept list of a
    /// thousand items is filtered, merged and cut after every change, and copying grants (contexts with care
    /// teams) field by field was most of that.
    final class Placed: Sendable {
        let grant: AccessGrant
        let item: WorklistItem

        init(grant: AccessGrant, item: WorklistItem) {
            self.grant = grant
            self.item = item
        }

        var household: HouseholdID { grant.context.household }

        /// Worklist order, reading the items where they are kept rather than copying them out.
        static func precedes(_ first: Placed, _ second: Placed) -> Bool {
            WorklistItem.precedes(first.item, second.item)
        }
    }

    /// The derived part: case items and aftercare checks within the limit and how many of each kind were left out,
    /// and the grant of every household whose item is shown — the households the page logs as seen. `ordered`
    /// holds every item the network's households add, in worklist order, at the reading of the network's versions
    /// `reading`, for the next derivation to take over; `derived` says how many households this one looked at afresh.
    struct Part: Sendable {
        /// The case items and aftercare checks shown, in worklist order.
        let items: [WorklistItem]
        let leftOut: [WorklistItem.Kind: Int]
        let shown: [AccessGrant]
        /// `shown` grouped for the access log once, kept with the part for every view that logs it.
        let shownLog: AccessLogList
        let ordered: [Placed]
        let reading: NetworkFactVersions.Reading?
        let derived: Int
        /// Unique to this part in this process, so that its rows are kept under it (`WorklistRows.part`).
        let identity = Part.identities.add(1, ordering: .relaxed).newValue

        private static let identities = Atomic<UInt64>(0)
    }

    let app: WebApp
    let user: SignedInUser
    let network: Network
    let profile: WorkflowProfile
    let limit: WorklistLimit
    let today: Day

    /// Reads the network's households once for both kinds of items. The items `earlier` (the same user's list of
    /// the same day) holds are taken over for every household the network's versions did not change since — the
    /// same facts, roles and day give the same items — and the changed households' new items are merged into
    /// their order, so after one new signal one household is read again and nothing is ordered anew, where a
    /// director's list at region scale otherwise decides and walks 2,500 households and orders a thousand items.
    func derive(earlier: Part? = nil) async throws -> Part {
        let roles = user.actor.roles(in: network.id)
        let followsNetwork = !roles.isDisjoint(with: [.networkDirector, .supportStaff, .processManager])
        let checksAftercare = !roles.isDisjoint(with: [.partnerWorker, .caseDirector, .networkDirector])
        let entries =
            followsNetwork || checksAftercare ? try await app.networkEntries(network.id, today: today) : nil
        var ordered: [Placed] = []
        var derived = 0
        if let entries {
            let added = { (households: [HouseholdFactsCache.Entry]) in
                try await self.items(
                    of: households, roles: roles, followsNetwork: followsNetwork, checksAftercare: checksAftercare)
            }
            if let since = earlier?.reading, let earlier, let changed = entries.versions.changed(since: since) {
                let fresh = try await added(entries.entries(of: changed))
                // A new household has no items yet to drop: the kept list is taken over without asking each item.
                let kept =
                    entries.versions.added(changed, since: since)
                    ? earlier.ordered : earlier.ordered.filter { !changed.contains($0.household) }
                ordered = kept.merged(with: fresh, by: Placed.precedes)
                derived = changed.count
            } else {
                let all = entries.all
                ordered = try await added(all)
                derived = all.count
            }
        }
        var page = ordered
        if !followsNetwork {
            // A case director's own households: a few dozen, read every time (appointments are not in the entries).
            let candidates = try await CaseOverview(app: app).candidates(
                network: network, profile: profile, user: user, today: today)
            var own: [Placed] = []
            for candidate in candidates {
                let isOwn = candidate.row.director?.user == user.account.id
                for item in caseItems(candidate.row, roles: roles, own: isOwn) {
                    own.append(Placed(grant: candidate.grant, item: item))
                }
            }
            page = page.merged(with: own.sorted(by: Placed.precedes), by: Placed.precedes)
        }
        // Aftercare checks are limited here with the case items, so only households whose item is shown are logged.
        let (shown, leftOut) = limit.cut(page, kind: { $0.item.kind })
        var grants: [AccessGrant] = []
        var seen = Set<HouseholdID>()
        for placed in shown where seen.insert(placed.household).inserted { grants.append(placed.grant) }
        return Part(
            items: shown.map(\.item), leftOut: leftOut, shown: grants, shownLog: AccessLogList(grants),
            ordered: ordered, reading: entries?.reading, derived: derived)
    }

    /// What `entries` add, read afresh and in worklist order: the items about their cases for those who follow the
    /// network, and their due aftercare checks for those who check aftercare.
    private func items(
        of entries: [HouseholdFactsCache.Entry], roles: Set<Role>, followsNetwork: Bool, checksAftercare: Bool
    ) async throws -> [Placed] {
        guard !entries.isEmpty else { return [] }
        var placed: [Placed] = []
        if followsNetwork {
            let candidates = try await CaseOverview(app: app).candidates(
                network: network, profile: profile, user: user, today: today, networkEntries: entries)
            for candidate in candidates {
                let own = candidate.row.director?.user == user.account.id
                for item in caseItems(candidate.row, roles: roles, own: own) {
                    placed.append(Placed(grant: candidate.grant, item: item))
                }
            }
        }
        // The network director keeps an eye on every check; partners see those of their own households.
        if checksAftercare {
            for (grant, item) in try await aftercareChecks(
                everyHousehold: roles.contains(.networkDirector), entries: entries)
            {
                placed.append(Placed(grant: grant, item: item))
            }
        }
        return placed.sorted(by: Placed.precedes)
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
            let count = monitor.evaluationsDue.count
            let why = count == 1 ? "worklist.why.evaluation.one" : "worklist.why.evaluation"
            items.append(item(.evaluationDue, why, [String(count)], since: oldest))
        }
        return items
    }

    /// Aftercare checks that are due among the network's `entries`: for the households whose care team the user
    /// is in, or every one. Each household passes the access policy; those with a check due come back with it.
    private func aftercareChecks(everyHousehold: Bool, entries: [HouseholdFactsCache.Entry]) async throws
        -> [(grant: AccessGrant, item: WorklistItem)]
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
        var checks: [(grant: AccessGrant, item: WorklistItem)] = []
        for closure in closures {
            guard let grant = grantOf[closure.household],
                let next = schedule.next(closedOn: closure.closedOn, answered: answered[closure.id] ?? []),
                next.day <= today
            else { continue }
            checks.append(
                (
                    grant,
                    WorklistItem(
                        kind: .aftercareCheckDue, link: "/cases/\(closure.household.rawValue)#aftercare",
                        reference: try await HouseholdStore.reference(grant, on: db),
                        why: "worklist.why.aftercare", whyValues: [String(next.index + 1)], since: next.day, due: nil)
                ))
        }
        return checks
    }
}
