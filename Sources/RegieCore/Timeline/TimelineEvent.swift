import Foundation

/// One fact on a household's timeline. The timeline is append-only: statuses are derived from it.
public struct TimelineEvent: Sendable, Codable, Hashable {
    public let id: String
    public let household: HouseholdID
    public let network: NetworkID
    public let occurredAt: Date
    public let actor: UserID?
    public let actorOrganisation: OrganisationID?
    /// A stable code such as `signal.received`; later capabilities add their own codes.
    public let kind: String
    /// A short Dutch description for the timeline view.
    public let summary: String
    /// JSON of the state before and after the change, where that helps a reader.
    public let before: String?
    public let after: String?
    /// Where the event stands on the timeline once stored (rising with every event); `nil` before it is stored.
    /// A form carries the position of the newest event its page showed, to tell a stale save (`EditSection`).
    public var position: Int64?

    public init(
        id: String = TimeOrderedID.make(), household: HouseholdID, network: NetworkID,
        occurredAt: Date = Date(), actor: UserID?, actorOrganisation: OrganisationID?, kind: String,
        summary: String, before: String? = nil, after: String? = nil, position: Int64? = nil
    ) {
        self.id = id
        self.household = household
        self.network = network
        self.occurredAt = occurredAt
        self.actor = actor
        self.actorOrganisation = actorOrganisation
        self.kind = kind
        self.summary = summary
        self.before = before
        self.after = after
        self.position = position
    }
}
