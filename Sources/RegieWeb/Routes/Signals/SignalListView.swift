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
    /// key) and its state against the norm. Shared by reference: after every change in the network the kept list of
    /// a thousand lines is filtered and merged, and copying signals and grants field by field was most of that.
    final class Line: Sendable {
        let signal: SignalStore.Summary
        let grant: AccessGrant
        let outcomeKey: String?
        let status: NormStatus
        /// The row's HTML per language and norms, once a page showed it.
        private let rows = KeptValues<RowKey, String>()

        init(signal: SignalStore.Summary, grant: AccessGrant, outcomeKey: String?, status: NormStatus) {
            self.signal = signal
            self.grant = grant
            self.outcomeKey = outcomeKey
            self.status = status
        }

        /// What a row's HTML depends on beside the line: its language, and the network's norms (an operator's
        /// override changes its age and concern names without touching the household). The day is the line's
        /// own: a list is derived anew on another day.
        struct RowKey: Hashable, Sendable {
            let locale: String
            let profile: ProfileSettings
        }

        /// The row's HTML under `key`: kept, or written by `write` now and kept. After a new signal the first page
        /// holds the same hundred lines but one, and writing each again (dates, translated statuses, concern names)
        /// was most of showing it; the line lasts as long as its household does not change that day.
        func row(_ key: RowKey, write: () -> String) -> String { rows.value(key, make: write) }
    }

    /// A derived list with what it was derived from — the read of the network's versions (the open and overdue
    /// lists) or each household's fact version (all signals), and the directory's version — so the next
    /// derivation takes over the lines of the households that did not change.
    struct Derived: Sendable {
        let lines: [Line]
        let reading: NetworkFactVersions.Reading?
        let versions: [HouseholdID: Int64]
        let directory: Int64
        /// The pages of these lines as shown so far.
        let pages = SignalListPages()
    }

    let app: WebApp
    let context: AppRequestContext
    let network: Network

    /// Signals per page: at region scale a network has a thousand open intakes, more than anyone reads at once.
    static let perPage = 100

    /// The page `asked` (as typed in the address) as shown, which page that is, and how many signals match. The
    /// households on it are logged on every view.
    func page(filter: String, page asked: String?) async throws
        -> (shown: SignalListPages.Shown, pager: ListPage, total: Int)
    {
        guard let user = context.identity, let profile = app.profiles.profile(for: network) else {
            return (
                SignalListPages.Shown(html: "", isEmpty: true, log: AccessLogList([])),
                ListPage(asked: nil, total: 0, size: Self.perPage), 0
            )
        }
        let today = Day(Date())
        // The rows name reporters and their organisations, whose renames raise the directory's version, not the
        // households': the list is kept under both, as read with the session when it read them.
        let (stamp, directory) =
            if let frame = user.frame, let known = frame.stamps[network.id] {
                (known.stamp(withDirectory: frame.directory), frame.directory)
            } else {
                try await HouseholdStore.factStampWithDirectory(of: network.id, on: app.database.sql)
            }
        let (app, network) = (app, network)
        let derived = try await app.signalLists.value(
            of: Slot(actor: user.actor, network: network.id, filter: filter), stamp: stamp, day: today
        ) { earlier in
            try await Self.lines(
                app: app, network: network, profile: profile, actor: user.actor, filter: filter, today: today,
                directory: directory, earlier: earlier)
        }
        let pager = ListPage(asked: asked, total: derived.lines.count, size: Self.perPage)
        let key = SignalListPages.Key(
            start: pager.range.lowerBound, locale: context.locale, profile: network.profileSettings)
        let shown = derived.pages.page(key) {
            let page = derived.lines[pager.range]
            var seen = Set<HouseholdID>()
            let grants = page.map(\.grant).filter { seen.insert($0.context.household).inserted }
            let norm = EligibilityNorm(profile: profile, calendar: app.calendar)
            let texts = TemplateTexts(table: app.views.translations.table(context.locale))
            let rowKey = Line.RowKey(locale: context.locale, profile: network.profileSettings)
            let html = page.map { line in
                line.row(rowKey) { row(line, profile: profile, norm: norm, today: today).html(texts) }
            }.joined()
            return SignalListPages.Shown(html: html, isEmpty: page.isEmpty, log: AccessLogList(grants))
        }
        try await AccessGuard.record(shown.log, requestID: context.requestID, database: app.database)
        return (shown, pager, derived.lines.count)
    }

    /// The signals the filter selects among the households the actor may see in intake, newest first. The lines of
    /// a household that did not change since `earlier` was derived are taken over from it (same user, same roles,
    /// same day and directory: the same lines), so after one new signal only that household is read again — at
    /// region scale a thousand households' signals and triage events otherwise. `directory` was read before the
    /// facts, like the versions, so nothing is kept under a version older than what it shows.
    private static func lines(
        app: WebApp, network: Network, profile: WorkflowProfile, actor: AccessActor, filter: String, today: Day,
        directory: Int64, earlier: Derived?
    ) async throws -> Derived {
        let norm = EligibilityNorm(profile: profile, calendar: app.calendar)
        let db = app.database.sql
        let earlier = earlier?.directory == directory ? earlier : nil
        // Whose signals are read afresh, and the lines kept of the others.
        var candidates: [HouseholdAccessContext]
        var kept: [Line] = []
        var reading: NetworkFactVersions.Reading?
        var versionOf: [HouseholdID: Int64] = [:]
        if filter == "all" {
            // The households with the latest signals: which those are moves with every signal, so each is compared.
            let versions = try await HouseholdStore.factVersions(
                of: try await SignalStore.households(in: network.id, on: db), on: db)
            versionOf = Dictionary(versions.map { ($0.household, $0.version) }) { first, _ in first }
            let unchanged = { (household: HouseholdID) in
                earlier.map { $0.versions[household] != nil && $0.versions[household] == versionOf[household] }
                    ?? false
            }
            candidates = try await app.householdEntries(versions, today: today).map(\.context)
                .filter { !unchanged($0.household) }
            kept = earlier?.lines.filter { unchanged($0.grant.context.household) } ?? []
        } else {
            // An undecided signal belongs to a household in intake, so the open and overdue views look only there.
            let entries = try await app.networkEntries(network.id, today: today)
            reading = entries.reading
            if let since = earlier?.reading, let changed = entries.versions.changed(since: since) {
                candidates = entries.entries(of: changed).map(\.context)
                // A new household has no lines yet to drop: the kept ones are taken over without asking each line.
                kept =
                    entries.versions.added(changed, since: since)
                    ? earlier?.lines ?? []
                    : earlier?.lines.filter { !changed.contains($0.grant.context.household) } ?? []
            } else {
                candidates = entries.all.map(\.context)
            }
            candidates = candidates.filter { $0.phase == .intake || $0.phase == .informationRound }
        }
        // Support staff see intakes only; a household past intake is left out rather than refused.
        let grants = AccessGuard.decide(actor, .viewIntake, contexts: candidates)
        let triage = try await TimelineStore.events(kindsStartingWith: "triage.", grants, on: db)
        let signals = try await SignalStore.summaries(grants, on: db)
        var fresh: [Line] = []
        for grant in grants {
            let household = grant.context.household
            let decided = TriageStore.decisions(in: triage[household] ?? []).first
            for signal in signals[household] ?? [] {
                let status = norm.status(received: signal.receivedOn, decided: decided.map { Day($0.at) }, today: today)
                if filter == "open" && decided != nil { continue }
                if filter == "overdue" && !status.isOverdue { continue }
                fresh.append(
                    Line(
                        signal: signal, grant: grant, outcomeKey: decided?.decision.outcome.textKey, status: status))
            }
        }
        return Derived(
            lines: kept.merged(with: fresh.sorted(by: Self.newer), by: Self.newer), reading: reading,
            versions: versionOf, directory: directory)
    }

    /// The list's order: the newest signal first.
    private static func newer(_ first: Line, _ second: Line) -> Bool {
        first.signal.receivedAt > second.signal.receivedAt
    }

    /// One row of the page, in the reader's language.
    private func row(_ line: Line, profile: WorkflowProfile, norm: EligibilityNorm, today: Day) -> SignalRow {
        let t = app.views.translations
        let signal = line.signal
        var due = ""
        if case .open(let day) = line.status { due = day.dutch }
        if case .overdue(let day) = line.status { due = day.dutch }
        var decidedLate = false
        if case .decidedLate = line.status { decidedLate = true }
        return SignalRow(
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
