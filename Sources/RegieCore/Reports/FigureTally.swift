/// The figures of one period as running sums over households (issue 9): a household's share can be taken out and
/// put in again, so after a change only the changed households are counted, not the network's thousands.
/// `NetworkFigures` counts every household through these same sums, so counting on from an earlier tally and
/// counting afresh cannot differ.
///
/// Every sum keeps, per household, how much of it is that household's: taking a share out must leave a cell, a
/// lead time or a domain exactly as if the household had never been counted (a cell whose count falls to 0
/// disappears, as counting afresh would never make it).
public struct FigureTally: Sendable {
    /// A running count with the households behind it, each with how much of the count is theirs.
    struct Share: Sendable {
        var count = 0
        var households: [HouseholdID: Int] = [:]

        mutating func add(_ amount: Int, of household: HouseholdID) {
            count += amount
            let left = households[household, default: 0] + amount
            households[household] = left == 0 ? nil : left
        }
    }

    /// One lead time's measurements: how many cases took each number of days, and how many were judged by a norm.
    struct Lead: Sendable {
        var days: [Int: Int] = [:]
        var judged = 0
        var met = 0
        var cases = Share()
    }

    /// One life domain's score changes: their sum, how many improved, and the households assessed.
    struct Score: Sendable {
        var sum = 0
        var improved = 0
        var cases = Share()
    }

    public let period: ReportPeriod
    let calendar: WorkingDayCalendar
    let today: Day
    private var cells: [String: [String: Share]] = [:]
    private var leads: [String: Lead] = [:]
    private var scores: [String: Score] = [:]
    private var closures = 0
    private var relapsed = Share()

    /// The breakdowns in the order the dashboard shows them; `family_level` only where networks use levels.
    static let breakdownKeys = [
        "inflow_source", "inflow_channel", "inflow_area", "inflow_domain", "decisions", "open_phase", "caseload",
        "escalation_kind", "escalation_rung", "escalation_outcome", "closure_reason", "aftercare_result",
        "organisations_per_case", "family_level",
    ]
    static let leadKeys = ["signal_to_decision", "decision_to_director", "director_to_plan", "signal_to_plan"]

    public init(period: ReportPeriod, calendar: WorkingDayCalendar, today: Day) {
        self.period = period
        self.calendar = calendar
        self.today = today
    }

    /// Counts `fact` in; `profile` is its network's (the norms decide which lead times were on time).
    public mutating func add(_ fact: FigureFacts, profile: WorkflowProfile?) { count(fact, profile, 1) }

    /// Takes `fact` out again: it must be the fact as it was added, under the same profile.
    public mutating func remove(_ fact: FigureFacts, profile: WorkflowProfile?) { count(fact, profile, -1) }

    /// The figures as they stand.
    public var figures: NetworkFigures {
        let breakdowns = Self.breakdownKeys.compactMap { key -> Breakdown? in
            let shares = cells[key] ?? [:]
            if key == "family_level" && shares.isEmpty { return nil }
            let cells = shares.map { Breakdown.Cell(code: $0.key, count: $0.value.count, members: $0.value.households) }
                .sorted { ($0.count, $1.code) > ($1.count, $0.code) }
            return Breakdown(key: key, cells: cells, byArea: key == "inflow_area")
        }
        let leadTimes = Self.leadKeys.map { key in
            let lead = leads[key] ?? Lead()
            return LeadTime(
                key: key, days: lead.days, judged: lead.judged, met: lead.met, members: lead.cases.households)
        }
        let scoreChanges = scores.filter { $0.value.cases.count > 0 }.sorted { $0.key < $1.key }.map { domain, score in
            NetworkFigures.ScoreChange(
                domain: domain, members: score.cases.households,
                averageChange: Double(score.sum) / Double(score.cases.count), improved: score.improved)
        }
        return NetworkFigures(
            period: period, breakdowns: breakdowns, leadTimes: leadTimes, scoreChanges: scoreChanges,
            relapse: (closures, relapsed.count, Set(relapsed.households.keys)))
    }

    /// Adds `sign` times the household's share to every sum: events count when they happened in the period, open
    /// cases and caseload as of today, lead times for households whose first signal came in the period.
    private mutating func count(_ fact: FigureFacts, _ profile: WorkflowProfile?, _ sign: Int) {
        let household = fact.household
        func cell(_ key: String, _ code: String) {
            cells[key, default: [:]][code, default: Share()].add(sign, of: household)
            if cells[key]?[code]?.count == 0 { cells[key]?[code] = nil }
        }
        for signal in fact.signals where period.contains(signal.receivedOn) {
            cell("inflow_source", signal.sourceKind.rawValue)
            cell("inflow_channel", signal.channel)
            cell("inflow_area", signal.neighbourhood)
            for domain in signal.domains { cell("inflow_domain", domain) }
        }
        if let decision = fact.decision, period.contains(decision.on) { cell("decisions", decision.outcome) }
        if fact.phase != .closed {
            cell("open_phase", fact.phase.rawValue)
            if fact.phase == .active { cell("caseload", fact.currentDirector ?? "") }
            if let level = fact.familyLevel { cell("family_level", String(level)) }
        }
        for escalation in fact.escalations where period.contains(escalation.raisedOn) {
            cell("escalation_kind", escalation.kind.rawValue)
            cell("escalation_rung", "\(escalation.kind.rawValue):\(escalation.rung)")
            cell("escalation_outcome", escalation.decided ? "decided" : "open")
        }
        for closure in fact.closures where period.contains(closure.closedOn) {
            cell("closure_reason", closure.reason.rawValue)
            for answer in closure.aftercareAnswers { cell("aftercare_result", answer.rawValue) }
            closures += sign
            if closure.relapsed { relapsed.add(sign, of: household) }
        }
        if fact.phase == .active || fact.phase == .aftercare {
            cell("organisations_per_case", fact.organisations >= 5 ? "5+" : String(fact.organisations))
        }
        countLeadTimes(fact, norms: profile?.norms, sign)
        for (domain, score) in fact.scores {
            let change = score.last - score.first
            scores[domain, default: Score()].sum += sign * change
            scores[domain, default: Score()].improved += change > 0 ? sign : 0
            scores[domain, default: Score()].cases.add(sign, of: household)
        }
    }

    /// Signal → decision, case opened → director, director → adopted plan (each against its norm) and the whole
    /// way from signal to adopted plan, for a household whose first signal came in the period.
    private mutating func countLeadTimes(_ fact: FigureFacts, norms: WorkflowProfile.Norms?, _ sign: Int) {
        guard let first = fact.signals.map(\.receivedOn).min(), period.contains(first) else { return }
        func measure(_ key: String, from start: Day, to end: Day?, norm: NormPeriod?) {
            guard let end else { return }
            let status = NormStatus.of(norm, start: start, met: end, today: today, calendar: calendar)
            let met: Bool? =
                if case .decidedInTime = status { true } else if case .decidedLate = status { false } else { nil }
            var lead = leads[key] ?? Lead()
            let days = end.ordinal - start.ordinal
            let left = lead.days[days, default: 0] + sign
            lead.days[days] = left == 0 ? nil : left
            if let met {
                lead.judged += sign
                lead.met += met ? sign : 0
            }
            lead.cases.add(sign, of: fact.household)
            leads[key] = lead
        }
        measure("signal_to_decision", from: first, to: fact.decision?.on, norm: norms?.eligibilityDecision)
        if let opened = fact.openedOn {
            measure(
                "decision_to_director", from: opened, to: fact.firstDirectorOn, norm: norms?.caseDirectorAfterDecision)
        }
        if let director = fact.firstDirectorOn {
            measure("director_to_plan", from: director, to: fact.firstAdoptedOn, norm: norms?.planToConference)
        }
        measure("signal_to_plan", from: first, to: fact.firstAdoptedOn, norm: nil)
    }
}
