import Foundation
import RegieCore
import SQLKit

/// The household timeline: every change to a household is appended here in the same transaction as the
/// change itself, so the timeline and the data can never disagree.
public enum TimelineStore {
    public static func append(_ event: TimelineEvent, on db: any SQLDatabase) async throws {
        try await append([event], on: db)
    }

    /// Appends several events of one transaction in their order: each household's version is raised by its number
    /// of events in one statement, and the events go in with one statement (SQLite's single writer pays for every
    /// statement it waits on).
    public static func append(_ events: [TimelineEvent], on db: any SQLDatabase) async throws {
        guard !events.isEmpty else { return }
        // Raising the household's version first takes its row lock (PostgreSQL) before the event gets its
        // position, so a household's events are numbered in the order their transactions commit — what
        // `changes(to:since:grant:on:)` relies on.
        var households: [HouseholdID] = []
        var changes: [HouseholdID: Int] = [:]
        for event in events {
            if changes[event.household] == nil { households.append(event.household) }
            changes[event.household, default: 0] += 1
        }
        for household in households {
            try await HouseholdStore.touch(household, changes: changes[household] ?? 1, on: db)
        }
        var records = NewRecords()
        add(events, to: &records)
        try await records.insert(on: db)
    }

    /// Adds the events' rows to `records`, without raising any household's version: for a household that is itself
    /// among the new records, whose row starts at the version its events make (`append` raises it for the others).
    static func add(_ events: [TimelineEvent], to records: inout NewRecords) {
        for event in events {
            records.add(
                "timeline_events",
                columns: [
                    "id", "household_id", "network_id", "occurred_at", "actor_user_id", "actor_organisation_id",
                    "kind", "summary", "before_json", "after_json",
                ],
                values: [
                    SQLBind(event.id), SQLBind(event.household.rawValue), SQLBind(event.network.rawValue),
                    SQLBind(event.occurredAt.millis), SQLBind(event.actor?.rawValue),
                    SQLBind(event.actorOrganisation?.rawValue), SQLBind(event.kind), SQLBind(event.summary),
                    SQLBind(event.before), SQLBind(event.after),
                ])
        }
    }

    /// Appends what the grant's user did to the grant's household, with `recording` kept as the event's JSON.
    public static func append(
        _ kind: String, summary: String, recording value: (any Encodable)? = nil, by grant: AccessGrant,
        at moment: Date = Date(), on db: any SQLDatabase
    ) async throws {
        let json = try value.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        try await append(
            TimelineEvent(
                household: grant.context.household, network: grant.context.network, occurredAt: moment,
                actor: grant.actor.user, actorOrganisation: grant.actor.organisation, kind: kind, summary: summary,
                after: json), on: db)
    }

    struct Row: Decodable {
        let id: String, householdId: String, networkId: String, occurredAt: Int64, actorUserId: String?
        let actorOrganisationId: String?, kind: String, summary: String, beforeJson: String?, afterJson: String?
        let seq: Int64
        var event: TimelineEvent {
            TimelineEvent(
                id: id, household: HouseholdID(rawValue: householdId), network: NetworkID(rawValue: networkId),
                occurredAt: Date(millis: occurredAt), actor: actorUserId.map(UserID.init(rawValue:)),
                actorOrganisation: actorOrganisationId.map(OrganisationID.init(rawValue:)), kind: kind,
                summary: summary, before: beforeJson, after: afterJson, position: seq)
        }
    }

    /// The whole timeline of the household the grant is for, oldest first. Reading it needs a grant.
    public static func events(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> [TimelineEvent] {
        try await eventsStatement.fetch([grant.context.household.rawValue], on: db)
            .all(decoding: Row.self, keyDecodingStrategy: .snakeCase).map(\.event)
    }

    /// Names the statement below on PostgreSQL, where it runs prepared (`KeptStatement`): every list row derived
    /// for a changed household reads it.
    enum EventsStatement {}

    private static let eventsStatement = KeptStatement<EventsStatement> { db, parameters in
        selectEvents(on: db).where("household_id", .equal, SQLBind(parameters[0])).orderBy("seq").query
    }

    /// The events of kinds starting with `prefix` on each of the grants' households, oldest first — one read for a
    /// whole list (the signal list reads the triage decisions of every open intake).
    public static func events(
        kindsStartingWith prefix: String, _ grants: [AccessGrant], on db: any SQLDatabase
    ) async throws -> [HouseholdID: [TimelineEvent]] {
        guard !grants.isEmpty else { return [:] }
        let events = try await eventsOfKindsStatement.fetch(
            [prefix + "%"] + grants.map(\.context.household.rawValue), on: db
        )
        .all(decoding: Row.self, keyDecodingStrategy: .snakeCase).map(\.event)
        return Dictionary(grouping: events, by: \.household)
    }

    /// Names the statement below (`KeptStatement`).
    enum EventsOfKindsStatement {}

    /// The events whose kind is like the first parameter of the households in the others, oldest first: kept for
    /// the few households a list reads again after a change.
    private static let eventsOfKindsStatement = KeptStatement<EventsOfKindsStatement>(forCounts: 2...9) {
        db, parameters in
        selectEvents(on: db).where("household_id", .in, SQLBind.group(Array(parameters.dropFirst())))
            .where("kind", .like, SQLBind(parameters[0])).orderBy("seq").query
    }

    static func selectEvents(on db: any SQLDatabase) -> SQLSelectBuilder {
        db.select()
            .columns(
                "id", "household_id", "network_id", "occurred_at", "actor_user_id", "actor_organisation_id", "kind",
                "summary", "before_json", "after_json", "seq"
            )
            .from("timeline_events")
    }

    /// Only the event kinds, oldest first, for deriving the phase — the access guard needs them before
    /// any grant exists, and kinds carry no content.
    static func eventKinds(of household: HouseholdID, on db: any SQLDatabase) async throws -> [String] {
        try await db.select().column("kind").from("timeline_events")
            .where("household_id", .equal, SQLBind(household.rawValue)).orderBy("seq")
            .all().map { try $0.decode(column: "kind", as: String.self) }
    }
}
