/// How one kind of network works: its words, norms and rules (BRIEF.md "Workflow profiles").
///
/// Profiles are data (`Profiles/Data/*.json`), so a network's way of working is read, not programmed.
/// Later capabilities read the settings they need; nothing here performs I/O.
public struct WorkflowProfile: Sendable, Codable, Equatable, Identifiable {
    public var id: String { code }
    /// Stable key, e.g. `enschede`.
    public let code: String
    /// Name shown to administrators, e.g. "Enschede — wijkzorgteam".
    public let name: String
    /// What the network is called locally (lokaal zorgnetwerk, sociaal team, wijkzorgteam …).
    public let networkKindName: String
    /// One-paragraph description for administrators choosing a profile.
    public let summary: String
    /// Where in the sources the settings come from.
    public let sources: [String]
    /// Local names for roles; a role without an entry uses its generic name.
    public var roleNames: [String: String]
    public var norms: Norms
    public let intake: Intake
    public var planDrafter: PlanDrafter
    public var agendaRule: AgendaRule
    public var householdAtConference: HouseholdAtConference
    public var closureCriterion: ClosureCriterion
    public var aftercare: [NormPeriod]
    public var pseudonymised: Bool
    public var caseloadMaximum: Int?
    /// Problems on at least this many domains suggest the network's target group; advisory, never a gate.
    public var advisoryInclusionDomains: Int?
    /// The network's own life-domain list; `nil` means `LifeDomain.defaults`.
    public let lifeDomains: [LifeDomain]?
    public let escalation: EscalationLadders
    public let mandates: Mandates
    /// Amsterdam's family levels 0–4; empty when the network does not use levels.
    public let familyLevels: [FamilyLevel]
    public var meetingInterval: NormPeriod

    /// The name of `role` in this network as it reads within a sentence ("de gezinsmanager houdt de regie"): the
    /// network's own name, else `generic` — a role's title, written with a capital — with a lower-case first letter.
    public func displayName(for role: Role, generic: String) -> String {
        roleNames[role.rawValue] ?? generic.prefix(1).lowercased() + generic.dropFirst()
    }

    /// The display name of `role` as a label — a column header or a field name — with a capital first letter: the
    /// networks' own names ("gezinsmanager") are written for use within a sentence.
    public func label(for role: Role, generic: String) -> String {
        let name = displayName(for: role, generic: generic)
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// The life domains this network scores and signals on.
    public var domains: [LifeDomain] { lifeDomains ?? LifeDomain.defaults }

    /// The time norms of the nine-step process; `nil` where the network sets none.
    public struct Norms: Sendable, Codable, Equatable {
        public var eligibilityDecision: NormPeriod?
        public var crisisIntervention: NormPeriod?
        public var informationRoundAnswer: NormPeriod?
        public var caseDirectorAfterDecision: NormPeriod?
        public var planToConference: NormPeriod?
        public var firstProgressContact: NormPeriod?
        public var progressReport: NormPeriod?
        public var progressTalk: NormPeriod?
        public var goalWithoutProgress: NormPeriod?
        public var maximumDuration: NormPeriod?
    }

    /// Rules at the front door (step 1).
    public struct Intake: Sendable, Codable, Equatable {
        /// Only professionals of partner organisations may signal (Zwolle).
        public let institutionsOnly: Bool
        /// Signals must name one of these triggers (Zwolle: nuisance or eviction threat); empty = none required.
        public let requiredTriggers: [String]
        /// The reporter must show their own attempt to help (Zwolle).
        public let proofOfOwnAttempt: Bool
        /// The reporter must have informed the household, or give a reason why not (Enschede).
        public let householdMustBeInformed: Bool
        /// Every signal goes to the coordinator first (Amsterdam).
        public let routeToCoordinator: Bool
        /// A crisis check is part of intake (Rotterdam).
        public let crisisCheck: Bool
    }

    /// Who writes the first version of the plan.
    public enum PlanDrafter: String, Sendable, Codable {
        /// The network director drafts a concept for the network meeting (Rotterdam, Leeuwarden).
        case networkDirector = "network_director"
        /// The case director analyses and drafts (Enschede, Zwolle).
        case caseDirector = "case_director"
        /// A multidisciplinary meeting drafts it (Amsterdam MDO+ where indicated care is involved).
        case conference
    }

    /// Which cases a network meeting discusses.
    public enum AgendaRule: String, Sendable, Codable {
        /// New decisions, cases due for evaluation, stalled and escalated cases.
        case needsDiscussion = "needs_discussion"
        /// Every open case, every meeting (Leeuwarden).
        case allOpenCases = "all_open_cases"
    }

    /// When the household itself is invited to its case conference.
    public enum HouseholdAtConference: String, Sendable, Codable {
        case sometimes
        case always
        case firstMeeting = "first_meeting"
    }

    /// When a network considers its work for a household done.
    public enum ClosureCriterion: String, Sendable, Codable {
        /// Guided to and settled in regular care, with a director there (Rotterdam, Leeuwarden).
        case inRegularCare = "in_regular_care"
        /// The household stands on its own feet (Enschede).
        case selfReliant = "self_reliant"
        /// Nuisance or debt problems strongly reduced or gone (Zwolle).
        case problemsReduced = "problems_reduced"
        /// Problems solved or manageable (route map, inspection framework).
        case solvedOrManageable = "solved_or_manageable"
    }

    /// The two escalation ladders (seed-000 §3 instruments, seed-003 §4.5).
    public struct EscalationLadders: Sendable, Codable, Equatable {
        public let content: [Rung]
        public let organisational: [Rung]
    }

    /// One rung of an escalation ladder with the time it has to answer.
    public struct Rung: Sendable, Codable, Equatable {
        public let name: String
        public let answerWithin: NormPeriod
    }

    /// Powers that a network's directors may use (seed-000 §5.5).
    public struct Mandates: Sendable, Codable, Equatable {
        /// The network director has a deciding vote in case meetings (Enschede teamleider).
        public let decidingVote: Bool
        /// The network director holds a care-purchase budget (Enschede crisispotje).
        public let careBudget: Bool
        /// The case director holds covenant powers to enforce the plan (Enschede, Amsterdam).
        public let covenantPowers: Bool
    }

    /// One level of Amsterdam's family pyramid (seed-003 §2.3).
    public struct FamilyLevel: Sendable, Codable, Equatable {
        public let level: Int
        public let name: String
        /// Who directs families on this level, in the network's words.
        public let directedBy: String
        /// The role that keeps the process in view on this level and is told when a family reaches it
        /// (Amsterdam: the procesmanager from MPG2 up); `nil` means the network director.
        public let responsibleRole: Role?
    }
}
