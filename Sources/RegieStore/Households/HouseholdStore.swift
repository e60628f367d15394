import Foundation
import RegieCore
import SQLKit

/// The household record every process capability hangs its data on.
///
/// This foundation keeps only identity, network and the legal basis; persons, signals and plans are added
/// by their own capabilities, each writing a timeline event in the same transaction.
public enum HouseholdStore {
    /// Creates a household in `network` and writes `household.created` on its timeline.
    public static func create(network: NetworkID, reference: String, actor: AccessActor, on db: any SQLDatabase)
        async throws -> HouseholdID
    {
        let id = HouseholdID()
        try await db.insert(into: "households").columns("id", "network_id", "reference", "created_at")
            .values(SQLBind(id.rawValue), SQLBind(network.rawValue), SQLBind(reference), SQLBind(Date().millis)).run()
        try await TimelineStore.append(
            TimelineEvent(
                household: id, network: network, actor: actor.user, actorOrganisation: actor.organisation,
                kind: "household.created", summary: "Huishouden \(reference) aangemaakt"),
            on: db)
        return id
    }

    /// Records who is in a household's care team; the access policy reads it.
    public static func addToCareTeam(_ user: UserID, household: HouseholdID, source: String, on db: any SQLDatabase)
        async throws
    {
        try await db.insert(into: "care_team_members").columns("household_id", "user_id", "source", "since")
            .values(SQLBind(household.rawValue), SQLBind(user.rawValue), SQLBind(source), SQLBind(Date().millis))
            .onConflict(with: ["household_id", "user_id"]) { $0.set(excludedValueOf: "source") }
            .run()
        try await touch(household, on: db)
    }

    /// Removing someone from the care team revokes their access at once: the next decision no longer sees them.
    public static func removeFromCareTeam(_ user: UserID, household: HouseholdID, on db: any SQLDatabase) async throws {
        try await db.delete(from: "care_team_members").where("household_id", .equal, SQLBind(household.rawValue))
            .where("user_id", .equal, SQLBind(user.rawValue)).run()
        try await touch(household, on: db)
    }

    /// Records the legal basis on which the care team shares the household's data.
    public static func setLawfulBasis(_ basis: LawfulBasis?, household: HouseholdID, on db: any SQLDatabase)
        async throws
    {
        try await db.update("households").set("lawful_basis", to: SQLBind(basis?.rawValue))
            .where("id", .equal, SQLBind(household.rawValue)).run()
        try await touch(household, on: db)
    }

    /// The facts the access policy needs, read fresh on every decision so revocations take effect at once.
    public static func accessContext(_ id: HouseholdID, on db: any SQLDatabase) async throws
        -> HouseholdAccessContext?
    {
        try await accessContexts([id], on: db)[id]
    }

    /// The organisations every current member consented to share with in the care team, today.
    static func consentedOrganisations(_ id: HouseholdID, on db: any SQLDatabase) async throws
        -> Set<OrganisationID>
    {
        let records = try await ConsentStore.records(of: id, on: db)
        guard !records.isEmpty else { return [] }
        let members = try await db.select()
            .column(SQLColumn("id", table: "persons")).column(SQLColumn("birth_date", table: "persons"))
            .column(SQLColumn("unborn", table: "persons"))
            .from("household_members")
            .join(
                SQLIdentifier("persons"), on: SQLColumn("id", table: "persons"), .equal,
                SQLColumn("person_id", table: "household_members")
            )
            .where(SQLColumn("household_id", table: "household_members"), .equal, SQLBind(id.rawValue))
            .where(SQLColumn("left_on", table: "household_members"), .is, SQLLiteral.null).all()
            .map { row in
                ConsentAgeRules.Member(
                    id: try row.decode(column: "id", as: String.self),
                    birthDate: try row.decode(column: "birth_date", as: String?.self).flatMap(Day.init),
                    unborn: try row.decode(column: "unborn", as: Bool.self))
            }
        return ConsentAgeRules.consentedOrganisations(records, members: members, purpose: .careTeam, on: Day(Date()))
    }
}
