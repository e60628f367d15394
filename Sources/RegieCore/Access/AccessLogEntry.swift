import Foundation

/// One line of the NEN 7513 access log: who accessed which household's data, how, on what basis, when.
public struct AccessLogEntry: Sendable, Codable, Hashable {
    public let id: String
    public let occurredAt: Date
    public let user: UserID
    public let organisation: OrganisationID
    public let onBehalfOf: UserID?
    public let household: HouseholdID?
    public let network: NetworkID?
    public let action: AccessAction
    public let allowed: Bool
    public let rule: AccessRule
    public let breakGlass: Bool
    public let breakGlassReason: String?
    public let requestID: String?

    public init(
        occurredAt: Date = Date(), actor: AccessActor,
        household: HouseholdID?, network: NetworkID?, action: AccessAction, decision: AccessDecision,
        breakGlassReason: String?, requestID: String?
    ) {
        self.id = TimeOrderedID.make(at: occurredAt)
        self.occurredAt = occurredAt
        self.user = actor.user
        self.organisation = actor.organisation
        self.onBehalfOf = actor.onBehalfOf
        self.household = household
        self.network = network
        self.action = action
        self.allowed = decision.allowed
        self.rule = decision.rule
        self.breakGlass = decision.breakGlass
        self.breakGlassReason = decision.breakGlass ? breakGlassReason : nil
        self.requestID = requestID
    }
}
