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
        /// The households assessed twice, each with how many of the changes are theirs (see `Breakdown.Cell`).
        let members: [HouseholdID: Int]
        public let averageChange: Double
        public let improved: Int

        public var households: Set<HouseholdID> { Set(members.keys) }
        /// How many households the average is over.
        public var householdCount: Int { members.count }
    }

    public let period: ReportPeriod
    public let breakdowns: [Breakdown]
    public let leadTimes: [LeadTime]
    public let scoreChanges: [ScoreChange]
    /// Closures in the period, and those after which the household was signalled again within 12 months.
    public let relapse: (closures: Int, relapsed: Int, households: Set<HouseholdID>)

    public func breakdown(_ key: String) -> Breakdown? { breakdowns.first { $0.key == key } }

    /// Counts `facts` afresh (`FigureTally` counts on from an earlier count after a change).
    public init(
        facts: [FigureFacts], period: ReportPeriod, profiles: (NetworkID) -> WorkflowProfile?,
        calendar: WorkingDayCalendar, today: Day
    ) {
        var tally = FigureTally(period: period, calendar: calendar, today: today)
        for fact in facts { tally.add(fact, profile: profiles(fact.network)) }
        self = tally.figures
    }

    init(
        period: ReportPeriod, breakdowns: [Breakdown], leadTimes: [LeadTime], scoreChanges: [ScoreChange],
        relapse: (closures: Int, relapsed: Int, households: Set<HouseholdID>)
    ) {
        self.period = period
        self.breakdowns = breakdowns
        self.leadTimes = leadTimes
        self.scoreChanges = scoreChanges
        self.relapse = relapse
    }
}
