/// What the figures need to know about one household, read from what the work already recorded — no extra
/// registration (seed-002 base function 5). The store fills it; `NetworkFigures` counts it.
public struct FigureFacts: Sendable {
    /// One signal about the household.
    public struct Signal: Sendable, Hashable {
        public let receivedOn: Day
        public let sourceKind: OrganisationKind
        public let channel: String
        /// The household's neighbourhood at the time of counting; empty when unknown.
        public let neighbourhood: String
        /// The life domains the reporter was worried about.
        public let domains: [String]

        public init(
            receivedOn: Day, sourceKind: OrganisationKind, channel: String, neighbourhood: String, domains: [String]
        ) {
            self.receivedOn = receivedOn
            self.sourceKind = sourceKind
            self.channel = channel
            self.neighbourhood = neighbourhood
            self.domains = domains
        }
    }

    /// One escalation: its ladder, the highest rung reached (1-based) and how it ended.
    public struct Escalation: Sendable, Hashable {
        public let raisedOn: Day
        public let kind: EscalationKind
        public let rung: Int
        public let decided: Bool

        public init(raisedOn: Day, kind: EscalationKind, rung: Int, decided: Bool) {
            self.raisedOn = raisedOn
            self.kind = kind
            self.rung = rung
            self.decided = decided
        }
    }

    /// One closure with what follows it: the aftercare answers and whether the household came back within a year.
    public struct Closure: Sendable, Hashable {
        public let closedOn: Day
        public let reason: ClosureReason
        /// For a household that refuses: whether the network recorded how it stays in view ("niet loslaten").
        public let followUpRecorded: Bool
        public let aftercareAnswers: [AftercareAnswer]
        /// Aftercare checks due by today, and how many of them have an answer.
        public let checksDue: Int
        public let checksAnswered: Int
        public let relapsed: Bool

        public init(
            closedOn: Day, reason: ClosureReason, followUpRecorded: Bool, aftercareAnswers: [AftercareAnswer],
            checksDue: Int, checksAnswered: Int, relapsed: Bool
        ) {
            self.closedOn = closedOn
            self.reason = reason
            self.followUpRecorded = followUpRecorded
            self.aftercareAnswers = aftercareAnswers
            self.checksDue = checksDue
            self.checksAnswered = checksAnswered
            self.relapsed = relapsed
        }
    }

    public let household: HouseholdID
    public let network: NetworkID
    public let phase: CasePhase
    public let signals: [Signal]
    /// The first triage decision: its day and outcome code.
    public let decision: (on: Day, outcome: String)?
    /// The day the case was opened (the coordination decision), the start of the director norm.
    public let openedOn: Day?
    public let firstDirectorOn: Day?
    /// The current case director's name, for the caseload.
    public let currentDirector: String?
    public let firstAdoptedOn: Day?
    /// Whether the plan in force covers every current member and every domain scored 1–2; `nil` without a plan.
    public let planComplete: Bool?
    /// Whether a goal in the plan in force is written in the household's own words.
    public let householdWords: Bool
    /// Whether the informal network around the household was recorded.
    public let informalNetwork: Bool
    public let escalations: [Escalation]
    public let closures: [Closure]
    /// Per life domain, the household's lowest score at the first and at the last assessment day.
    public let scores: [String: (first: Int, last: Int)]
    /// The organisations with a commitment in the household's plan.
    public let organisations: Int
    /// The family level now, in networks with a level pyramid (Amsterdam).
    public let familyLevel: Int?

    public init(
        household: HouseholdID, network: NetworkID, phase: CasePhase, signals: [Signal],
        decision: (on: Day, outcome: String)?, openedOn: Day?, firstDirectorOn: Day?, currentDirector: String?,
        firstAdoptedOn: Day?,
        planComplete: Bool?, householdWords: Bool, informalNetwork: Bool, escalations: [Escalation],
        closures: [Closure], scores: [String: (first: Int, last: Int)], organisations: Int, familyLevel: Int? = nil
    ) {
        self.household = household
        self.network = network
        self.phase = phase
        self.signals = signals
        self.decision = decision
        self.openedOn = openedOn
        self.firstDirectorOn = firstDirectorOn
        self.currentDirector = currentDirector
        self.firstAdoptedOn = firstAdoptedOn
        self.planComplete = planComplete
        self.householdWords = householdWords
        self.informalNetwork = informalNetwork
        self.escalations = escalations
        self.closures = closures
        self.scores = scores
        self.organisations = organisations
        self.familyLevel = familyLevel
    }
}
