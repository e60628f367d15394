import Foundation
import RegieCore
import SQLKit

/// Consents per member, purpose and organisation (step 4 onwards). Recording and withdrawing are decisions on
/// the case and events on its timeline; the access policy reads the result on every decision, so a withdrawal
/// narrows sharing at once.
public enum ConsentStore {
    /// A consent as the case shows it.
    public struct Item: Sendable {
        public let id: String
        public let record: ConsentRecord
        public let personName: String
        public let organisationName: String
        /// The name of whoever gave it when not the member (a parent, the mentor or curator).
        public let giverName: String
    }

    /// Records a consent. Needs a `decide` grant; the age rules are checked by the caller.
    public static func record(
        _ consent: ConsentRecord, giverName: String, grant: AccessGrant, at moment: Date = Date(),
        on db: any SQLDatabase
    ) async throws {
        precondition(grant.action == .decide, "Recording consent is a decision on the case")
        try await db.insert(into: "consents")
            .columns(
                "id", "household_id", "person_id", "purpose", "organisation_id", "given_by", "giver_name", "given_on",
                "recorded_by", "recorded_at"
            )
            .values(
                SQLBind(TimeOrderedID.make()), SQLBind(grant.context.household.rawValue),
                SQLBind(consent.person), SQLBind(consent.purpose.rawValue), SQLBind(consent.organisation.rawValue),
                SQLBind(consent.givenBy.rawValue), SQLBind(giverName.trimmed), SQLBind(consent.givenOn.iso),
                SQLBind(grant.actor.user.rawValue), SQLBind(moment.millis)
            )
            .run()
        try await TimelineStore.append(
            "consent.recorded", summary: "Toestemming vastgelegd per \(consent.givenOn.dutch)",
            recording: ["purpose": consent.purpose.rawValue, "organisation": consent.organisation.rawValue],
            by: grant, at: moment, on: db)
    }

    /// Withdraws a consent of the grant's household from `day`. Needs a `decide` grant.
    public static func withdraw(
        _ id: String, on day: Day, grant: AccessGrant, at moment: Date = Date(), on db: any SQLDatabase
    ) async throws {
        precondition(grant.action == .decide, "Withdrawing consent is a decision on the case")
        let updated = try await db.update("consents").set("withdrawn_on", to: SQLBind(day.iso))
            .set("withdrawn_by", to: SQLBind(grant.actor.user.rawValue)).set("withdrawn_at", to: SQLBind(moment.millis))
            .where("id", .equal, SQLBind(id)).where("household_id", .equal, SQLBind(grant.context.household.rawValue))
            .where("withdrawn_on", .is, SQLLiteral.null).returning("id").all()
        guard !updated.isEmpty else { throw StoreError.refused("error.consent_withdrawn") }
        try await TimelineStore.append(
            "consent.withdrawn", summary: "Toestemming ingetrokken per \(day.dutch)", by: grant, at: moment, on: db)
    }

    private struct Row: Decodable {
        let id: String, personId: String, purpose: String, organisationId: String, givenBy: String, giverName: String
        let givenOn: String, withdrawnOn: String?, givenName: String, familyNamePrefix: String, familyName: String
        let organisationName: String
    }

    /// The household's consents, oldest first.
    public static func items(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> [Item] {
        try await items(of: grant.context.household, on: db)
    }

    /// The consent records alone — for the access context, which needs them before any grant exists.
    static func records(of household: HouseholdID, on db: any SQLDatabase) async throws -> [ConsentRecord] {
        try await items(of: household, on: db).map(\.record)
    }

    private static func items(of household: HouseholdID, on db: any SQLDatabase) async throws -> [Item] {
        try await db.select()
            .columns(
                SQLColumn("id", table: "consents"), SQLColumn("person_id", table: "consents"),
                SQLColumn("purpose", table: "consents"), SQLColumn("organisation_id", table: "consents"),
                SQLColumn("given_by", table: "consents"), SQLColumn("giver_name", table: "consents"),
                SQLColumn("given_on", table: "consents"), SQLColumn("withdrawn_on", table: "consents"),
                SQLColumn("given_name", table: "persons"), SQLColumn("family_name_prefix", table: "persons"),
                SQLColumn("family_name", table: "persons"),
                SQLAlias(SQLColumn("name", table: "organisations"), as: SQLIdentifier("organisation_name"))
            )
            .from("consents")
            .join(
                SQLIdentifier("persons"), on: SQLColumn("id", table: "persons"), .equal,
                SQLColumn("person_id", table: "consents")
            )
            .join(
                SQLIdentifier("organisations"), on: SQLColumn("id", table: "organisations"), .equal,
                SQLColumn("organisation_id", table: "consents")
            )
            .where(SQLColumn("household_id", table: "consents"), .equal, SQLBind(household.rawValue))
            .orderBy(SQLColumn("recorded_at", table: "consents"))
            .all(decoding: Row.self, keyDecodingStrategy: .snakeCase)
            .compactMap { row in
                guard let purpose = ConsentRecord.Purpose(rawValue: row.purpose),
                    let giver = ConsentRecord.Giver(rawValue: row.givenBy), let given = Day(row.givenOn)
                else { return nil }
                return Item(
                    id: row.id,
                    record: ConsentRecord(
                        person: row.personId, purpose: purpose,
                        organisation: OrganisationID(rawValue: row.organisationId),
                        givenBy: giver, givenOn: given, withdrawnOn: row.withdrawnOn.flatMap(Day.init)),
                    personName: [row.givenName, row.familyNamePrefix, row.familyName].filter { !$0.isEmpty }
                        .joined(separator: " "),
                    organisationName: row.organisationName, giverName: row.giverName)
            }
    }
}
