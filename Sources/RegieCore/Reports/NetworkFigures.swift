/// The management figures of one network or a region over a period (issue 7), counted from `FigureFacts`:
/// inflow, decisions, lead times against the norms, caseload, open cases by phase, escalations, closures,
/// aftercare and relapse, change in self-sufficiency scores and organisations per case.
///
/// Events count when they happened in the period (a signal received, a decision taken, an escalation raised, a
/// case closed); lead times follow the households whose first signal came in the period; caseload and open cases
/// are as of today.
public struct NetworkFigures: Sendable {
    /// The average change of the lowest score in one life domain between the first and the last assessment.
    public struct ScoreChange: Sendable, Hashable {
        public let domain: String
        public let households: Set<HouseholdID>
        public let averageChange: Double
        public let improved: Int
    }

    public let period: ReportPeriod
    public private(set) var breakdowns: [Breakdown]
    public let leadTimes: [LeadTime]
    public let scoreChanges: [ScoreChange]
    /// Closures in the period, and those after which the household was signalled again within 12 months.
    public let relapse: (closures: Int, relapsed: Int, households: Set<HouseholdID>)

    public func breakdown(_ key: String) -> Breakdown? { breakdowns.first { $0.key == key } }

    public init(
        facts: [FigureFacts], period: ReportPeriod, profiles: (NetworkID) -> WorkflowProfile?,
        calendar: WorkingDayCalendar, today: Day
    ) {
        self.period = period
        let signals = facts.flatMap { fact in
            fact.signals.filter { period.contains($0.receivedOn) }.map { (fact.household, $0) }
        }
        let decided = facts.compactMap { fact in
            fact.decision.flatMap { period.contains($0.on) ? (fact.household, $0.outcome) : nil }
        }
        let open = facts.filter { $0.phase != .closed }
        let escalations = facts.flatMap { fact in
            fact.escalations.filter { period.contains($0.raisedOn) }.map { (fact.household, $0) }
        }
        let closures = facts.flatMap { fact in
            fact.closures.filter { period.contains($0.closedOn) }.map { (fact.household, $0) }
        }
        let counted = facts.filter { $0.phase == .active || $0.phase == .aftercare }
        breakdowns = [
            .counting("inflow_source", signals, household: \.0) { [$0.1.sourceKind.rawValue] },
            .counting("inflow_channel", signals, household: \.0) { [$0.1.channel] },
            .counting("inflow_area", signals, byArea: true, household: \.0) { [$0.1.neighbourhood] },
            .counting("inflow_domain", signals, household: \.0) { $0.1.domains },
            .counting("decisions", decided, household: \.0) { [$0.1] },
            .counting("open_phase", open, household: \.household) { [$0.phase.rawValue] },
            .counting("caseload", open.filter { $0.phase == .active }, household: \.household) {
                [$0.currentDirector ?? ""]
            },
            .counting("escalation_kind", escalations, household: \.0) { [$0.1.kind.rawValue] },
            .counting("escalation_rung", escalations, household: \.0) { ["\($0.1.kind.rawValue):\($0.1.rung)"] },
            .counting("escalation_outcome", escalations, household: \.0) { [$0.1.decided ? "decided" : "open"] },
            .counting("closure_reason", closures, household: \.0) { [$0.1.reason.rawValue] },
            .counting(
                "aftercare_result", closures.flatMap { c in c.1.aftercareAnswers.map { (c.0, $0) } }, household: \.0
            ) { [$0.1.rawValue] },
            .counting("organisations_per_case", counted, household: \.household) {
                [$0.organisations >= 5 ? "5+" : String($0.organisations)]
            },
        ]
        // The population per family level (seed-003 requirement 74) exists only where networks use levels.
        let levelled = open.filter { $0.familyLevel != nil }
        if !levelled.isEmpty {
            breakdowns.append(
                .counting("family_level", levelled, household: \.household) { [String($0.familyLevel!)] })
        }
        leadTimes = Self.leadTimes(facts, period: period, profiles: profiles, calendar: calendar, today: today)
        scoreChanges = Self.scoreChanges(facts)
        relapse = (
            closures.count, closures.filter { $0.1.relapsed }.count,
            Set(closures.filter { $0.1.relapsed }.map(\.0))
        )
    }

    /// Signal → decision, case opened → director, director → adopted plan (each against its norm) and the whole
    /// way from signal to adopted plan, for the households whose first signal came in the period.
    private static func leadTimes(
        _ facts: [FigureFacts], period: ReportPeriod, profiles: (NetworkID) -> WorkflowProfile?,
        calendar: WorkingDayCalendar, today: Day
    ) -> [LeadTime] {
        var steps: [String: [LeadTime.Measurement]] = [:]
        func measure(_ key: String, _ fact: FigureFacts, from start: Day, to end: Day?, norm: NormPeriod?) {
            guard let end else { return }
            let status = NormStatus.of(norm, start: start, met: end, today: today, calendar: calendar)
            let met: Bool? =
                if case .decidedInTime = status { true } else if case .decidedLate = status { false } else { nil }
            steps[key, default: []].append(
                .init(days: end.ordinal - start.ordinal, metNorm: met, household: fact.household))
        }
        for fact in facts {
            guard let first = fact.signals.map(\.receivedOn).min(), period.contains(first) else { continue }
            let norms = profiles(fact.network)?.norms
            measure("signal_to_decision", fact, from: first, to: fact.decision?.on, norm: norms?.eligibilityDecision)
            if let opened = fact.openedOn {
                measure(
                    "decision_to_director", fact, from: opened, to: fact.firstDirectorOn,
                    norm: norms?.caseDirectorAfterDecision)
            }
            if let director = fact.firstDirectorOn {
                measure(
                    "director_to_plan", fact, from: director, to: fact.firstAdoptedOn, norm: norms?.planToConference)
            }
            measure("signal_to_plan", fact, from: first, to: fact.firstAdoptedOn, norm: nil)
        }
        return ["signal_to_decision", "decision_to_director", "director_to_plan", "signal_to_plan"].map {
            LeadTime(key: $0, steps[$0] ?? [])
        }
    }

    /// Per domain, over households assessed on at least two days: the average change and how many improved.
    private static func scoreChanges(_ facts: [FigureFacts]) -> [ScoreChange] {
        var changes: [String: [(HouseholdID, Int)]] = [:]
        for fact in facts {
            for (domain, score) in fact.scores {
                changes[domain, default: []].append((fact.household, score.last - score.first))
            }
        }
        return changes.sorted { $0.key < $1.key }.map { domain, values in
            ScoreChange(
                domain: domain, households: Set(values.map(\.0)),
                averageChange: Double(values.map(\.1).reduce(0, +)) / Double(values.count),
                improved: values.filter { $0.1 > 0 }.count)
        }
    }
}
