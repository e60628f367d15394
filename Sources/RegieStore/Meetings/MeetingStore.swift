import Foundation
import RegieCore
import SQLKit

/// Network meetings on a schedule and case conferences for one household, with participants, attendance
/// and minutes. Work agreements in the minutes are commitments (see `CommitmentStore`).
public enum MeetingStore {
    /// A scheduled meeting.
    public struct Meeting: Sendable {
        public let id: String
        public let network: NetworkID
        public let kind: MeetingKind
        public let household: HouseholdID?
        public let scheduledAt: Date
        public let durationMinutes: Int
        public let place: String
        public let chair: UserID?
        public let chairName: String
        public let contentLead: UserID?
        public let contentLeadName: String
        public let minutes: String
        public let participants: [Participant]
    }

    /// An invited participant with attendance (`nil` until recorded).
    public struct Participant: Sendable {
        public let id: String
        public let participant: ConferenceParticipant
        public let attended: Bool?
    }

    /// What a new meeting needs.
    public struct Plan: Sendable {
        public let kind: MeetingKind
        public let scheduledAt: Date
        public let durationMinutes: Int
        public let place: String
        public let chair: UserID?
        public let contentLead: UserID?
        public let participants: [ConferenceParticipant]

        public init(
            kind: MeetingKind, scheduledAt: Date, durationMinutes: Int, place: String, chair: UserID?,
            contentLead: UserID?, participants: [ConferenceParticipant]
        ) {
            self.kind = kind
            self.scheduledAt = scheduledAt
            self.durationMinutes = durationMinutes
            self.place = place
            self.chair = chair
            self.contentLead = contentLead
            self.participants = participants
        }
    }

    @discardableResult
    private static func insert(
        _ plan: Plan, network: NetworkID, household: HouseholdID?, by user: UserID, at moment: Date,
        on db: any SQLDatabase
    ) async throws -> String {
        let id = TimeOrderedID.make()
        try await db.insert(into: "meetings")
            .columns(
                "id", "network_id", "kind", "household_id", "scheduled_at", "duration_minutes", "place",
                "chair_user_id", "content_lead_user_id", "created_by", "created_at"
            )
            .values(
                SQLBind(id), SQLBind(network.rawValue), SQLBind(plan.kind.rawValue), SQLBind(household?.rawValue),
                SQLBind(plan.scheduledAt.millis), SQLBind(plan.durationMinutes), SQLBind(plan.place),
                SQLBind(plan.chair?.rawValue), SQLBind(plan.contentLead?.rawValue), SQLBind(user.rawValue),
                SQLBind(moment.millis)
            )
            .run()
        for participant in plan.participants {
            try await db.insert(into: "meeting_participants").columns("id", "meeting_id", "kind", "reference", "name")
                .values(
                    SQLBind(TimeOrderedID.make()), SQLBind(id), SQLBind(participant.kind.rawValue),
                    SQLBind(participant.reference), SQLBind(participant.name)
                )
                .run()
        }
        return id
    }

    /// Schedules a network meeting; its agenda is built when it is shown, from the facts of that moment.
    @discardableResult
    public static func scheduleNetworkMeeting(
        _ plan: Plan, network: NetworkID, by user: UserID, at moment: Date = Date(), on db: any SQLDatabase
    ) async throws -> String {
        try await insert(plan, network: network, household: nil, by: user, at: moment, on: db)
    }

    /// Schedules a case conference for the grant's household; invited workers (and the chair and content
    /// lead) join the care team. Needs a `decide` grant.
    @discardableResult
    public static func scheduleConference(
        _ plan: Plan, grant: AccessGrant, at moment: Date = Date(), on db: any SQLDatabase
    ) async throws -> String {
        precondition(grant.action == .decide, "Calling a case conference is a decision")
        let id = try await insert(
            plan, network: grant.context.network, household: grant.context.household, by: grant.actor.user,
            at: moment, on: db)
        let workers = plan.participants.filter { $0.kind == .worker }.map { UserID(rawValue: $0.reference) }
        for user in Set(workers + [plan.chair, plan.contentLead].compactMap { $0 }) {
            try await HouseholdStore.addToCareTeam(
                user, household: grant.context.household, source: "conference", on: db)
        }
        try await TimelineStore.append(
            "conference.scheduled", summary: "Casusoverleg gepland op \(Day(plan.scheduledAt).dutch)",
            recording: ["meeting": id], by: grant, at: moment, on: db)
        return id
    }

    private struct Row: Decodable {
        let id: String, networkId: String, kind: String, householdId: String?, scheduledAt: Int64
        let durationMinutes: Int, place: String, chairUserId: String?, contentLeadUserId: String?, minutes: String
    }

    private static func meetings(_ query: SQLSelectBuilder, on db: any SQLDatabase) async throws -> [Meeting] {
        let rows =
            try await query
            .columns(
                "id", "network_id", "kind", "household_id", "scheduled_at", "duration_minutes", "place",
                "chair_user_id", "content_lead_user_id", "minutes"
            )
            .from("meetings").orderBy("scheduled_at")
            .all(decoding: Row.self, keyDecodingStrategy: .snakeCase)
        var result: [Meeting] = []
        for row in rows {
            let participants = try await db.select().columns("id", "kind", "reference", "name", "attended")
                .from("meeting_participants").where("meeting_id", .equal, SQLBind(row.id)).orderBy("name").all()
                .map { p in
                    Participant(
                        id: try p.decode(column: "id", as: String.self),
                        participant: ConferenceParticipant(
                            kind: ConferenceParticipant.Kind(rawValue: try p.decode(column: "kind", as: String.self))
                                ?? .informal,
                            reference: try p.decode(column: "reference", as: String.self),
                            name: try p.decode(column: "name", as: String.self)),
                        attended: try p.decodeNil(column: "attended")
                            ? nil : try p.decode(column: "attended", as: Bool.self))
                }
            let chair = try await row.chairUserId.asyncMap { try await UserStore.find(UserID(rawValue: $0), on: db) }
            let lead = try await row.contentLeadUserId.asyncMap {
                try await UserStore.find(UserID(rawValue: $0), on: db)
            }
            result.append(
                Meeting(
                    id: row.id, network: NetworkID(rawValue: row.networkId),
                    kind: MeetingKind(rawValue: row.kind) ?? .network,
                    household: row.householdId.map(HouseholdID.init(rawValue:)),
                    scheduledAt: Date(millis: row.scheduledAt), durationMinutes: row.durationMinutes, place: row.place,
                    chair: chair??.id, chairName: chair??.name ?? "", contentLead: lead??.id,
                    contentLeadName: lead??.name ?? "", minutes: row.minutes, participants: participants))
        }
        return result
    }

    /// The case conferences of the grant's household, oldest first.
    public static func conferences(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> [Meeting] {
        try await meetings(
            db.select().where("household_id", .equal, SQLBind(grant.context.household.rawValue)), on: db)
    }

    /// The network meetings of `network`, oldest first (no household data).
    public static func networkMeetings(of network: NetworkID, on db: any SQLDatabase) async throws -> [Meeting] {
        try await meetings(
            db.select().where("network_id", .equal, SQLBind(network.rawValue))
                .where("kind", .equal, SQLBind(MeetingKind.network.rawValue)), on: db)
    }

    /// One network meeting (not a case conference: those are read through their household's grant).
    public static func networkMeeting(_ id: String, on db: any SQLDatabase) async throws -> Meeting? {
        try await meetings(
            db.select().where("id", .equal, SQLBind(id)).where("kind", .equal, SQLBind(MeetingKind.network.rawValue)),
            on: db
        ).first
    }

    /// The household of a case conference (an id only), for routes that start from a meeting id.
    public static func household(ofConference id: String, on db: any SQLDatabase) async throws -> HouseholdID? {
        guard
            let row = try await db.select().column("household_id").from("meetings").where("id", .equal, SQLBind(id))
                .first(), !(try row.decodeNil(column: "household_id"))
        else { return nil }
        return HouseholdID(rawValue: try row.decode(column: "household_id", as: String.self))
    }

    /// Records the minutes and who attended a case conference; needs an `update` grant.
    public static func recordMinutes(
        _ minutes: String, attended: Set<String>, meeting id: String, grant: AccessGrant, at moment: Date = Date(),
        on db: any SQLDatabase
    ) async throws {
        guard let meeting = try await conferences(grant, on: db).first(where: { $0.id == id }) else {
            throw StoreError.notFound("meeting")
        }
        try await db.update("meetings").set("minutes", to: SQLBind(minutes))
            .set("minutes_by", to: SQLBind(grant.actor.user.rawValue)).set("minutes_at", to: SQLBind(moment.millis))
            .where("id", .equal, SQLBind(id)).run()
        for participant in meeting.participants {
            try await db.update("meeting_participants")
                .set("attended", to: SQLBind(attended.contains(participant.id)))
                .where("id", .equal, SQLBind(participant.id)).run()
        }
        try await TimelineStore.append(
            "conference.minutes", summary: "Verslag casusoverleg van \(Day(meeting.scheduledAt).dutch) vastgelegd",
            recording: ["meeting": id], by: grant, at: moment, on: db)
    }
}

extension Optional {
    /// `map` for an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
