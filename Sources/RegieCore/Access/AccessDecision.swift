/// The outcome of one access decision, logged as it is (NEN 7513).
public struct AccessDecision: Sendable, Hashable {
    public let allowed: Bool
    /// The rule that allowed or denied; stored in the access log so every entry can be explained.
    public let rule: AccessRule
    /// Whether the access happened outside the normal rules with a stated reason.
    public let breakGlass: Bool

    public static func allow(_ rule: AccessRule) -> AccessDecision {
        .init(allowed: true, rule: rule, breakGlass: false)
    }
    public static func deny(_ rule: AccessRule) -> AccessDecision {
        .init(allowed: false, rule: rule, breakGlass: false)
    }
}

/// Every rule the access policy can apply; the raw value is what the access log records.
public enum AccessRule: String, Sendable, Codable, CaseIterable {
    case networkDirector = "network_director"
    case caseDirectorOfHousehold = "case_director_of_household"
    case careTeamMemberWithBasis = "care_team_member_with_basis"
    case careTeamOwnPart = "care_team_own_part"
    case informationRoundParticipant = "information_round_participant"
    case reporterOwnSignal = "reporter_own_signal"
    case networkMemberMaySignal = "network_member_may_signal"
    case processManagerProcessOnly = "process_manager_process_only"
    case supportStaffIntake = "support_staff_intake"
    case breakGlass = "break_glass"
    case notInNetwork = "not_in_network"
    case notInCareTeam = "not_in_care_team"
    case notSharedWithCareTeam = "not_shared_with_care_team"
    case noLawfulBasis = "no_lawful_basis"
    case noConsentForOrganisation = "no_consent_for_organisation"
    case caseClosed = "case_closed"
    case processOnlyRole = "process_only_role"
    case aggregatesOnly = "aggregates_only"
    case administratorNoContent = "administrator_no_content"
    case supportStaffNoDecisions = "support_staff_no_decisions"
}
