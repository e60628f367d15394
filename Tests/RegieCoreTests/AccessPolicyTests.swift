import Testing

@testable import RegieCore

@Suite("Access policy")
struct AccessPolicyTests {
    let network = NetworkID()
    let otherNetwork = NetworkID()
    let household = HouseholdID()
    let organisation = OrganisationID()
    let otherOrganisation = OrganisationID()

    func actor(_ roles: [(Role, NetworkID?)], organisation: OrganisationID? = nil, user: UserID = UserID())
        -> AccessActor
    {
        AccessActor(
            user: user, organisation: organisation ?? self.organisation,
            assignments: Set(roles.map { RoleAssignment(role: $0.0, network: $0.1) }))
    }

    func context(
        _ phase: CasePhase, team: Set<UserID> = [], director: UserID? = nil, reporters: Set<UserID> = [],
        basis: LawfulBasis? = .legalTask, consented: Set<OrganisationID> = [], shared: Bool = true
    ) -> HouseholdAccessContext {
        HouseholdAccessContext(
            household: household, network: network, phase: phase, careTeam: team,
            caseDirector: director, reporters: reporters, lawfulBasis: basis,
            consentedOrganisations: consented, sharedWithCareTeam: shared)
    }

    @Test("The network director of the household's network may do everything")
    func networkDirector() {
        let director = actor([(.networkDirector, network)])
        for action in AccessAction.allCases {
            #expect(
                AccessPolicy.decide(actor: director, action: action, context: context(.active))
                    == .allow(.networkDirector))
        }
    }

    @Test("A director of another network has no access")
    func directorOfOtherNetwork() {
        let director = actor([(.networkDirector, otherNetwork)])
        #expect(
            AccessPolicy.decide(actor: director, action: .viewContent, context: context(.active))
                == .deny(.notInNetwork))
    }

    @Test("Administrators never see household content")
    func administrator() {
        let admin = actor([(.administrator, nil)])
        for action in AccessAction.allCases {
            #expect(
                AccessPolicy.decide(actor: admin, action: action, context: context(.active))
                    == .deny(.administratorNoContent))
        }
    }

    @Test("The appointed case director may work on their household, not on others")
    func caseDirector() {
        let me = UserID()
        let director = actor([(.caseDirector, network)], user: me)
        #expect(AccessPolicy.decide(actor: director, action: .update, context: context(.active, director: me)).allowed)
        #expect(
            AccessPolicy.decide(actor: director, action: .viewContent, context: context(.active)).rule
                == .notInCareTeam)
    }

    @Test("Without a sharing agreement a partner in the care team sees and adds to its own part only")
    func minimumView() {
        let me = UserID()
        let partner = actor([(.partnerWorker, network)], user: me)
        let director = actor([(.caseDirector, network)], user: me)
        for phase in [CasePhase.active, .aftercare] {
            let own = context(phase, team: [me], shared: false)
            #expect(AccessPolicy.decide(actor: partner, action: .viewOwnPart, context: own) == .allow(.careTeamOwnPart))
            #expect(AccessPolicy.decide(actor: partner, action: .addToOwnPart, context: own).allowed)
            #expect(AccessPolicy.decide(actor: partner, action: .viewProcess, context: own).allowed)
            #expect(
                AccessPolicy.decide(actor: partner, action: .viewContent, context: own) == .deny(.notSharedWithCareTeam)
            )
            #expect(AccessPolicy.decide(actor: partner, action: .update, context: own) == .deny(.notSharedWithCareTeam))
            #expect(
                AccessPolicy.decide(actor: partner, action: .viewContent, context: context(phase, team: [me])).allowed)
            #expect(
                AccessPolicy.decide(
                    actor: director, action: .viewContent, context: context(phase, director: me, shared: false)
                )
                .allowed, "the household's own case director always sees the whole file")
        }
        #expect(
            AccessPolicy.decide(actor: partner, action: .viewOwnPart, context: context(.active, team: [me], basis: nil))
                == .deny(.noLawfulBasis), "the own part needs a legal basis too")
        #expect(
            AccessPolicy.decide(actor: partner, action: .viewOwnPart, context: context(.informationRound, team: [me]))
                == .deny(.notInCareTeam), "during intake only what the decision needs")
        #expect(!AccessPolicy.decide(actor: partner, action: .viewOwnPart, context: context(.active)).allowed)
    }

    @Test("A partner inside the care team sees content only with a lawful basis that covers its organisation")
    func careTeam() {
        let me = UserID()
        let partner = actor([(.partnerWorker, network)], user: me)
        #expect(
            AccessPolicy.decide(actor: partner, action: .viewContent, context: context(.active, team: [me]))
                == .allow(.careTeamMemberWithBasis))
        #expect(
            AccessPolicy.decide(
                actor: partner, action: .viewContent,
                context: context(.active, team: [me], basis: nil)) == .deny(.noLawfulBasis))
        #expect(
            AccessPolicy.decide(
                actor: partner, action: .viewContent,
                context: context(
                    .active, team: [me], basis: .consent,
                    consented: [otherOrganisation]))
                == .deny(.noConsentForOrganisation))
        #expect(
            AccessPolicy.decide(
                actor: partner, action: .viewContent,
                context: context(.active, team: [me], basis: .consent, consented: [organisation])
            )
            .allowed)
        #expect(
            AccessPolicy.decide(actor: partner, action: .decide, context: context(.active, team: [me]))
                == .deny(.notInCareTeam))
        #expect(
            AccessPolicy.decide(actor: partner, action: .viewContent, context: context(.closed, team: [me]))
                == .deny(.caseClosed))
    }

    @Test("A partner outside the care team sees only who is involved, and may signal")
    func outsider() {
        let partner = actor([(.partnerWorker, network)])
        #expect(
            AccessPolicy.decide(actor: partner, action: .whoIsInvolved, context: context(.active))
                == .allow(.networkMemberMaySignal))
        #expect(AccessPolicy.decide(actor: partner, action: .createSignal, context: context(.active)).allowed)
        #expect(
            AccessPolicy.decide(actor: partner, action: .viewContent, context: context(.active))
                == .deny(.notInCareTeam))
        #expect(
            AccessPolicy.decide(actor: partner, action: .viewIntake, context: context(.intake))
                == .deny(.notInCareTeam))
    }

    @Test("A reporter may follow their own signal; an information-round participant sees the intake")
    func intake() {
        let me = UserID()
        let partner = actor([(.partnerWorker, network)], user: me)
        #expect(
            AccessPolicy.decide(actor: partner, action: .viewIntake, context: context(.intake, reporters: [me]))
                == .allow(.reporterOwnSignal))
        #expect(
            AccessPolicy.decide(
                actor: partner, action: .viewIntake,
                context: context(.informationRound, team: [me]))
                == .allow(.informationRoundParticipant))
        #expect(
            AccessPolicy.decide(
                actor: partner, action: .viewContent,
                context: context(.informationRound, team: [me])) == .deny(.notInCareTeam))
    }

    @Test("The process manager sees process facts only; the policy officer nothing per household")
    func processAndPolicy() {
        let manager = actor([(.processManager, network)])
        #expect(
            AccessPolicy.decide(actor: manager, action: .viewProcess, context: context(.active))
                == .allow(.processManagerProcessOnly))
        #expect(
            AccessPolicy.decide(actor: manager, action: .viewContent, context: context(.active))
                == .deny(.processOnlyRole))
        let officer = actor([(.policyOfficer, network)])
        for action in AccessAction.allCases {
            #expect(!AccessPolicy.decide(actor: officer, action: action, context: context(.active)).allowed)
        }
    }

    @Test("Support staff record and see intakes but take no decisions")
    func supportStaff() {
        let staff = actor([(.supportStaff, network)])
        #expect(AccessPolicy.decide(actor: staff, action: .recordOnBehalf, context: context(.active)).allowed)
        #expect(AccessPolicy.decide(actor: staff, action: .viewIntake, context: context(.intake)).allowed)
        #expect(
            AccessPolicy.decide(actor: staff, action: .decide, context: context(.intake))
                == .deny(.supportStaffNoDecisions))
        #expect(!AccessPolicy.decide(actor: staff, action: .viewContent, context: context(.active)).allowed)
    }

    @Test("Break-glass needs a director of the network, a real reason and a read action")
    func breakGlass() {
        let director = actor([(.caseDirector, network)])
        let reason = "Acute zorg: melding politie, huisarts niet bereikbaar"
        let decision = AccessPolicy.decide(
            actor: director, action: .viewContent, context: context(.active),
            breakGlassReason: reason)
        #expect(decision.allowed && decision.breakGlass && decision.rule == .breakGlass)
        #expect(
            !AccessPolicy.decide(
                actor: director, action: .viewContent, context: context(.active),
                breakGlassReason: "nodig"
            ).allowed)
        #expect(
            !AccessPolicy.decide(
                actor: director, action: .update, context: context(.active),
                breakGlassReason: reason
            ).allowed)
        let partner = actor([(.partnerWorker, network)])
        #expect(
            !AccessPolicy.decide(
                actor: partner, action: .viewContent, context: context(.active),
                breakGlassReason: reason
            ).allowed)
    }

    @Test("The phase follows the timeline")
    func phase() {
        #expect(CasePhase.derive(fromEventKinds: []) == .intake)
        #expect(
            CasePhase.derive(fromEventKinds: ["signal.received", "information_round.started"]) == .informationRound)
        #expect(CasePhase.derive(fromEventKinds: ["signal.received", "case.opened", "note.added"]) == .active)
        #expect(CasePhase.derive(fromEventKinds: ["case.opened", "case.closed", "case.reopened"]) == .active)
        #expect(CasePhase.derive(fromEventKinds: ["case.opened", "case.closed", "aftercare.ended"]) == .closed)
    }
}
