/// The settings of a profile that an administrator changed for one network (issue 8): the network keeps its
/// profile and differs only where it says so. Structural rules — intake, escalation ladders, mandates, family levels,
/// life domains — are not overridden here; a network that differs there gets its own profile file.
public struct ProfileOverrides: Sendable, Codable, Hashable {
    /// Local role names by role code.
    public var roleNames: [String: String] = [:]
    /// Time norms by `NormKey`; a `nil` value means the network keeps no such norm.
    public var norms: [String: NormPeriod?] = [:]
    public var aftercare: [NormPeriod]?
    public var meetingInterval: NormPeriod?
    /// 0 means "no maximum" (a maximum of none would make no sense).
    public var caseloadMaximum: Int?
    /// 0 means "no advisory rule".
    public var advisoryInclusionDomains: Int?
    public var planDrafter: WorkflowProfile.PlanDrafter?
    public var agendaRule: WorkflowProfile.AgendaRule?
    public var householdAtConference: WorkflowProfile.HouseholdAtConference?
    public var closureCriterion: WorkflowProfile.ClosureCriterion?
    public var pseudonymised: Bool?

    public init() {}

    /// Whether nothing is changed.
    public var isEmpty: Bool { count == 0 }

    /// How many single settings are changed, for the administrator's network list.
    public var count: Int {
        let singles: [Any?] = [
            aftercare, meetingInterval, caseloadMaximum, advisoryInclusionDomains, planDrafter, agendaRule,
            householdAtConference, closureCriterion, pseudonymised,
        ]
        return roleNames.count + norms.count + singles.compactMap { $0 }.count
    }

    /// The time norms of the nine-step process, by the name the profile files use.
    public enum NormKey: String, Sendable, CaseIterable {
        case eligibilityDecision, crisisIntervention, informationRoundAnswer, caseDirectorAfterDecision
        case planToConference, firstProgressContact, progressReport, progressTalk, goalWithoutProgress
        case maximumDuration

        public var textKey: String { "profile.norm.\(rawValue)" }
    }

    /// The roles whose names a network may change.
    public static let namedRoles: [Role] = [
        .networkDirector, .caseDirector, .supportStaff, .partnerWorker, .processManager, .policyOfficer,
    ]
}

extension WorkflowProfile.Norms {
    /// The norm called `key`.
    public func value(_ key: ProfileOverrides.NormKey) -> NormPeriod? {
        switch key {
        case .eligibilityDecision: return eligibilityDecision
        case .crisisIntervention: return crisisIntervention
        case .informationRoundAnswer: return informationRoundAnswer
        case .caseDirectorAfterDecision: return caseDirectorAfterDecision
        case .planToConference: return planToConference
        case .firstProgressContact: return firstProgressContact
        case .progressReport: return progressReport
        case .progressTalk: return progressTalk
        case .goalWithoutProgress: return goalWithoutProgress
        case .maximumDuration: return maximumDuration
        }
    }

    mutating func set(_ key: ProfileOverrides.NormKey, _ period: NormPeriod?) {
        switch key {
        case .eligibilityDecision: eligibilityDecision = period
        case .crisisIntervention: crisisIntervention = period
        case .informationRoundAnswer: informationRoundAnswer = period
        case .caseDirectorAfterDecision: caseDirectorAfterDecision = period
        case .planToConference: planToConference = period
        case .firstProgressContact: firstProgressContact = period
        case .progressReport: progressReport = period
        case .progressTalk: progressTalk = period
        case .goalWithoutProgress: goalWithoutProgress = period
        case .maximumDuration: maximumDuration = period
        }
    }
}

extension WorkflowProfile {
    /// This profile with a network's changes applied.
    public func applying(_ overrides: ProfileOverrides) -> WorkflowProfile {
        var profile = self
        profile.roleNames.merge(overrides.roleNames) { _, new in new }
        for (name, period) in overrides.norms {
            if let key = ProfileOverrides.NormKey(rawValue: name) { profile.norms.set(key, period) }
        }
        if let aftercare = overrides.aftercare { profile.aftercare = aftercare }
        if let interval = overrides.meetingInterval { profile.meetingInterval = interval }
        if let maximum = overrides.caseloadMaximum { profile.caseloadMaximum = maximum == 0 ? nil : maximum }
        if let domains = overrides.advisoryInclusionDomains {
            profile.advisoryInclusionDomains = domains == 0 ? nil : domains
        }
        if let drafter = overrides.planDrafter { profile.planDrafter = drafter }
        if let rule = overrides.agendaRule { profile.agendaRule = rule }
        if let household = overrides.householdAtConference { profile.householdAtConference = household }
        if let criterion = overrides.closureCriterion { profile.closureCriterion = criterion }
        if let pseudonymised = overrides.pseudonymised { profile.pseudonymised = pseudonymised }
        return profile
    }
}
