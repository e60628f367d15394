/// The facts about one household that access decisions depend on; loaded by the store, judged by the policy.
public struct HouseholdAccessContext: Sendable, Hashable {
    public let household: HouseholdID
    public let network: NetworkID
    public let phase: CasePhase
    /// Users in the household's care team (plan, conference, information round).
    public let careTeam: Set<UserID>
    /// The appointed case director, if any.
    public let caseDirector: UserID?
    /// Users who signalled this household; they may follow their own signal's status.
    public let reporters: Set<UserID>
    /// The recorded legal basis for sharing; `nil` while none is recorded.
    public let lawfulBasis: LawfulBasis?
    /// Organisations the household consented to share with (used when the basis is consent).
    public let consentedOrganisations: Set<OrganisationID>
    /// Whether the care team agreed to share the whole file among its members (see `CareTeamSharing`).
    public let sharedWithCareTeam: Bool

    public init(
        household: HouseholdID, network: NetworkID, phase: CasePhase, careTeam: Set<UserID> = [],
        caseDirector: UserID? = nil, reporters: Set<UserID> = [], lawfulBasis: LawfulBasis? = nil,
        consentedOrganisations: Set<OrganisationID> = [], sharedWithCareTeam: Bool = false
    ) {
        self.household = household
        self.network = network
        self.phase = phase
        self.careTeam = careTeam
        self.caseDirector = caseDirector
        self.reporters = reporters
        self.lawfulBasis = lawfulBasis
        self.consentedOrganisations = consentedOrganisations
        self.sharedWithCareTeam = sharedWithCareTeam
    }
}
