import Foundation
import RegieCore
import RegieStore

/// The rows of the signal list (signaallijst): each signal's age in working days against the profile's
/// eligibility norm, overdue ones marked, the newest first and a page of `perPage` at a time. Every household
/// passes the access policy; those on the page shown are logged in one write, on every view. What the list
/// derives from the network's households is kept per user, network and filter while nothing in the network
/// changed that day (`StampedCache`): at region scale it weighs a thousand open intakes.
struct SignalListView {
    /// Whose list of which kind: a kept list is only reused for the same user with the same roles.
    struct Slot: Hashable, Sendable {
        let actor: AccessActor
        let network: NetworkID
        let filter: String
    }

    /// One signal in the list, as derived: the signal, the grant on its household, its triage outcome (the text
    /// key) and its state against the norm.
    struct Line: Sendable {
        let signal: SignalStore.Summary
        let grant: AccessGrant
        let outcomeKey: String?
        let status: NormStatus
    }

    /// A derived list with what it was derived from — each household's fact version and the directory's version —
    /// so the next derivation takes over the lines of the households that did not change.
    struct Derived: Sendable {
        let lines: [Line]
        let versions: [HouseholdID: Int64]
        let directory: Int64
    }

    let app: WebApp
    let context: AppRequestContext
    let network: Network

    /// Signals per page: at region scale a network has a thousand open intakes, more than anyone reads at once.
    static let perPage = 100

    /// The rows of the page `asked` (as typed in the address), which page that is, and how many signals match.
    func rows(filter: String, page asked: String?) async throws -> (rows: SignalRows, pager: ListPage, total: Int) {
        guard let user = context.identity, let profile = app.profiles.profile(for: network) else {
            return (SignalRows(rows: [], locale: context.locale), ListPage(asked: nil, total: 0, size: Self.perPage), 0)
        }
        let today = Day(Date())
        // The rows name reporters and their organisations, whose renames raise the directory's version, not the
        // households': the list is kept under both.
        let (stamp, directory) = try await HouseholdStore.factStampWithDirectory(of: network.id, on: app.database.sql)
        let (app, network) = (app, network)
        let lines = try await app.signalLists.value(
            of: Slot(actor: user.actor, network: network.id, filter: filter), stamp: stamp, day: today
        ) { earlier in
            try await Self.lines(
                app: app, network: network, profile: profile, actor: user.actor, filter: filter, today: today,
                directory: directory, earlier: earlier)
        }.lines
        let pager = ListPage(asked: asked, total: lines.count, size: Self.perPage)
        let page = lines[pager.range]
        var seen = Set<HouseholdID>()
        let shown = page.map(\.grant).filter { seen.insert($0.context.household).inserted }
        try await AccessGuard.record(shown, requestID: context.requestID, database: app.database)
        let norm = EligibilityNorm(profile: profile, calendar: app.calendar)
        let rows = page.map { row($0, profile: profile, norm: norm, today: today) }
        return (SignalRows(rows: rows, locale: context.locale), pager, lines.count)
    }

    /// The signals the filter selects among the households the actor may see in intake, newest first. The lines of
    /// a household whose fact version is the one `earlier` was derived at are taken over from it (same user, same
    /// roles, same day and directory: the same lines), so after one new signal only that household is read again —
    /// at region scale a thousand households' signals and triage events otherwise. `directory` was read before
    /// the facts, like the versions, so nothing is kept under a version older than what it shows.
    private static func lines(
        app: WebApp, network: Network, profile: WorkflowProfile, actor: AccessActor, filter: String, today: Day,
        directory: Int64, earlier: Derived?
    ) async throws -> Derived {
        let norm = EligibilityNorm(profile: profile, calendar: app.calendar)
        let db = app.database.sql
        // An undecided signal belongs to a household in intake, so the open and overdue views look only there;
        // "all" takes the households with the latest signals.
        let versions =
            filter == "all"
            ? try await HouseholdStore.factVersions(
                of: try await SignalStore.households(in: network.id, on: db), on: db)
            : try await app.factVersions(in: network.id)
        let versionOf = Dictionary(versions.map { ($0.household, $0.version) }) { first, _ in first }
        let candidates = try await app.householdEntries(versions, today: today).map(\.context).filter {
            filter == "all" || $0.phase == .intake || $0.phase == .informationRound
        }
        // Support staff see intakes only; a household past intake is left out rather than refused.
        let grants = AccessGuard.decide(actor, .viewIntake, contexts: candidates)
        let earlier = earlier?.directory == directory ? earlier : nil
        let unchanged = { (household: HouseholdID) in
            earlier.map { $0.versions[household] != nil && $0.versions[household] == versionOf[household] } ?? false
        }
        let kept = Dictionary(grouping: earlier?.lines ?? [], by: \.grant.context.household)
        let changed = grants.filter { !unchanged($0.context.household) }
        let triage = try await TimelineStore.events(kindsStartingWith: "triage.", changed, on: db)
        let signals = try await SignalStore.summaries(changed, on: db)
        var lines: [Line] = []
        for grant in grants {
            let household = grant.context.household
            if unchanged(household) {
                lines += kept[household] ?? []
                continue
            }
            let decided = TriageStore.decisions(in: triage[household] ?? []).first
            for signal in signals[household] ?? [] {
                let status = norm.status(received: signal.receivedOn, decided: decided.map { Day($0.at) }, today: today)
                if filter == "open" && decided != nil { continue }
                if filter == "overdue" && !status.isOverdue { continue }
                lines.append(
                    Line(
                        signal: signal, grant: grant, outcomeKey: decided?.decision.outcome.textKey, status: status))
            }
        }
        return Derived(
            lines: lines.sorted { $0.signal.receivedAt > $1.signal.receivedAt }, versions: versionOf,
            directory: directory)
    }

    /// One row of the page, in the reader's language.
    private func row(_ line: Line, profile: WorkflowProfile, norm: EligibilityNorm, today: Day) -> SignalRows.Row {
        let t = app.views.translations
        let signal = line.signal
        var due = ""
        if case .open(let day) = line.status { due = day.dutch }
        if case .overdue(let day) = line.status { due = day.dutch }
        var decidedLate = false
        if case .decidedLate = line.status { decidedLate = true }
        return SignalRows.Row(
            id: signal.id, received: DutchFormat.day(signal.receivedAt), reference: signal.householdReference,
            reporter: signal.reporterName, organisation: signal.reporterOrganisation,
            concerns: profile.domains.filter { signal.concerns.contains($0.code) }.map(\.name).joined(separator: ", "),
            crisis: signal.crisis, urgent: signal.urgency == .urgent,
            age: line.outcomeKey == nil ? String(norm.age(received: signal.receivedOn, today: today)) : "—",
            due: due, overdue: line.status.isOverdue,
            status: line.outcomeKey.map { t.text($0, context.locale) }
                ?? t.text("signal_status.\(signal.phase.rawValue)", context.locale),
            decidedLate: decidedLate)
    }
}
