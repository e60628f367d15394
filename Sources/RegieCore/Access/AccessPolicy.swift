import Foundation

/// The one place that decides every read and write of household data.
///
/// Access = network role × care-team membership × process phase × legal basis (BRIEF.md "Privacy").
/// Routes never decide for themselves: they ask `decide` through the store's access guard, which also
/// writes the decision to the access log.
public enum AccessPolicy {
    /// The shortest break-glass reason accepted; a reason must say why, not just "nodig".
    public static let minimumBreakGlassReason = 15

    /// Decides whether `actor` may perform `action` on the household described by `context`.
    ///
    /// - Parameter breakGlassReason: a written reason to open the file outside the rules; only directors
    ///   of the household's network may use it, and only to read.
    public static func decide(
        actor: AccessActor, action: AccessAction, context: HouseholdAccessContext, breakGlassReason: String? = nil
    ) -> AccessDecision {
        let decision = decideByRules(actor: actor, action: action, context: context)
        guard !decision.allowed, let reason = breakGlassReason, mayBreakGlass(actor, action, context, reason) else {
            return decision
        }
        return AccessDecision(allowed: true, rule: .breakGlass, breakGlass: true)
    }

    /// Whether `actor` may ask to open this household outside the rules (with a reason): a director in its network.
    public static func mayAskBreakGlass(actor: AccessActor, context: HouseholdAccessContext) -> Bool {
        let roles = actor.roles(in: context.network)
        return roles.contains(.networkDirector) || roles.contains(.caseDirector)
    }

    private static func mayBreakGlass(
        _ actor: AccessActor, _ action: AccessAction, _ context: HouseholdAccessContext, _ reason: String
    ) -> Bool {
        let reads = action == .viewContent || action == .viewIntake
        return mayAskBreakGlass(actor: actor, context: context) && reads
            && reason.trimmingCharacters(in: .whitespacesAndNewlines).count >= minimumBreakGlassReason
    }

    private static func decideByRules(
        actor: AccessActor, action: AccessAction, context: HouseholdAccessContext
    ) -> AccessDecision {
        let roles = actor.roles(in: context.network)
        if roles.isEmpty {
            return .deny(actor.isAdministrator ? .administratorNoContent : .notInNetwork)
        }
        if roles.contains(.networkDirector) { return .allow(.networkDirector) }
        if roles.contains(.caseDirector), context.caseDirector == actor.user {
            return .allow(.caseDirectorOfHousehold)
        }
        if let decision = signallingDecision(roles: roles, action: action) { return decision }
        if roles.contains(.processManager) || roles.contains(.policyOfficer) {
            if action == .viewProcess && roles.contains(.processManager) { return .allow(.processManagerProcessOnly) }
            return .deny(roles.contains(.processManager) ? .processOnlyRole : .aggregatesOnly)
        }
        if roles.contains(.supportStaff), let decision = supportStaffDecision(action: action, context: context) {
            return decision
        }
        return careTeamDecision(actor: actor, action: action, context: context)
    }

    /// Anyone who may signal in the network may bring in a signal and see who is involved — no content.
    private static func signallingDecision(roles: Set<Role>, action: AccessAction) -> AccessDecision? {
        let maySignal = !roles.isDisjoint(with: [.caseDirector, .partnerWorker, .supportStaff])
        guard maySignal, action == .createSignal || action == .whoIsInvolved else { return nil }
        return .allow(.networkMemberMaySignal)
    }

    /// Support staff enter signals and minutes and see intakes, but take no decisions.
    private static func supportStaffDecision(action: AccessAction, context: HouseholdAccessContext) -> AccessDecision? {
        switch action {
        case .recordOnBehalf, .viewProcess: return .allow(.supportStaffIntake)
        case .viewIntake where context.phase == .intake || context.phase == .informationRound:
            return .allow(.supportStaffIntake)
        case .decide: return .deny(.supportStaffNoDecisions)
        default: return nil
        }
    }

    /// Partner workers (and case directors of other households) see a file only from inside its care team,
    /// in an open phase, on a recorded legal basis that covers their organisation.
    private static func careTeamDecision(
        actor: AccessActor, action: AccessAction, context: HouseholdAccessContext
    ) -> AccessDecision {
        if action == .viewIntake && context.reporters.contains(actor.user) { return .allow(.reporterOwnSignal) }
        guard context.careTeam.contains(actor.user) else { return .deny(.notInCareTeam) }
        switch context.phase {
        case .closed:
            return .deny(.caseClosed)
        case .intake, .informationRound:
            return action == .viewIntake ? .allow(.informationRoundParticipant) : .deny(.notInCareTeam)
        case .active, .aftercare:
            guard Self.careTeamActions.contains(action) else { return .deny(.notInCareTeam) }
            guard let basis = context.lawfulBasis else { return .deny(.noLawfulBasis) }
            if basis == .consent && !context.consentedOrganisations.contains(actor.organisation) {
                return .deny(.noConsentForOrganisation)
            }
            return minimumView(action: action, context: context)
        }
    }

    /// What a care-team member may do on an open file with a legal basis.
    private static let careTeamActions: Set<AccessAction> = [
        .viewProcess, .viewOwnPart, .addToOwnPart, .viewContent, .update,
    ]

    /// The minimum view: a partner sees and adds to its own part; the whole file (other partners' commitments
    /// and notes, the picture, the minutes) only when the care team agreed to share it.
    private static func minimumView(action: AccessAction, context: HouseholdAccessContext) -> AccessDecision {
        switch action {
        case .viewOwnPart, .addToOwnPart: return .allow(.careTeamOwnPart)
        case .viewContent, .update:
            return context.sharedWithCareTeam ? .allow(.careTeamMemberWithBasis) : .deny(.notSharedWithCareTeam)
        default: return .allow(.careTeamMemberWithBasis)
        }
    }
}
