import Foundation
import RegieCore
import SQLKit

extension HouseholdStore {
    /// A current member of a household, with the facts every page about the household shows.
    public struct Member: Sendable {
        public let id: String
        public let name: String
        public let givenName: String
        public let familyNamePrefix: String
        public let familyName: String
        public let birthDate: Day?
        public let unborn: Bool
        public let relation: MemberRelation
        public let custody: Custody?
        public let protectionMeasure: ProtectionMeasure?
        public let placement: Placement?
    }

    private struct MemberRow: Decodable {
        let id: String, givenName: String, familyNamePrefix: String, familyName: String, birthDate: String?
        let unborn: Bool, relation: String, custody: String?, protectionMeasure: String?, placement: String?
    }

    /// The household's current members (those who have not left), in the order they joined.
    public static func members(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> [Member] {
        try await db.select()
            .column(SQLColumn("id", table: "persons"))
            .column(SQLColumn("given_name", table: "persons")).column(SQLColumn("family_name_prefix", table: "persons"))
            .column(SQLColumn("family_name", table: "persons")).column(SQLColumn("birth_date", table: "persons"))
            .column(SQLColumn("unborn", table: "persons"))
            .column(SQLColumn("custody", table: "persons")).column(SQLColumn("protection_measure", table: "persons"))
            .column(SQLColumn("placement", table: "persons")).column(SQLColumn("relation", table: "household_members"))
            .from("household_members")
            .join(
                SQLIdentifier("persons"), on: SQLColumn("id", table: "persons"), .equal,
                SQLColumn("person_id", table: "household_members")
            )
            .where(
                SQLColumn("household_id", table: "household_members"), .equal,
                SQLBind(grant.context.household.rawValue)
            )
            .where(SQLColumn("left_on", table: "household_members"), .is, SQLLiteral.null)
            .orderBy(SQLColumn("joined_on", table: "household_members"))
            .orderBy(SQLColumn("birth_date", table: "persons"))
            .all(decoding: MemberRow.self, keyDecodingStrategy: .snakeCase)
            .map { m in
                Member(
                    id: m.id,
                    name: [m.givenName, m.familyNamePrefix, m.familyName].filter { !$0.isEmpty }.joined(separator: " "),
                    givenName: m.givenName, familyNamePrefix: m.familyNamePrefix, familyName: m.familyName,
                    birthDate: m.birthDate.flatMap(Day.init), unborn: m.unborn,
                    relation: MemberRelation(rawValue: m.relation) ?? .other,
                    custody: m.custody.flatMap(Custody.init(rawValue:)),
                    protectionMeasure: m.protectionMeasure.flatMap(ProtectionMeasure.init(rawValue:)),
                    placement: m.placement.flatMap(Placement.init(rawValue:)))
            }
    }

    /// The household's reference (its file number), shown in lists and headings.
    public static func reference(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> String {
        try await reference(of: grant.context.household, on: db)
    }

    /// The file number alone — a process fact that background jobs put in a user's in-app message.
    public static func reference(of household: HouseholdID, on db: any SQLDatabase) async throws -> String {
        try await referenceStatement.fetch([household.rawValue], on: db).first()?
            .decode(column: "reference", as: String.self) ?? ""
    }

    /// Names the statement below on PostgreSQL, where it runs prepared (`KeptStatement`): every list row derived
    /// for a changed household reads it.
    enum ReferenceStatement {}

    private static let referenceStatement = KeptStatement<ReferenceStatement> { db, parameters in
        db.select().column("reference").from("households").where("id", .equal, SQLBind(parameters[0])).query
    }

    /// The recorded legal basis with its explanation.
    public static func lawfulBasis(_ grant: AccessGrant, on db: any SQLDatabase) async throws
        -> (basis: LawfulBasis?, note: String)
    {
        guard
            let row = try await db.select().columns("lawful_basis", "lawful_basis_note").from("households")
                .where("id", .equal, SQLBind(grant.context.household.rawValue)).first()
        else { return (nil, "") }
        return (
            try row.decodeNil(column: "lawful_basis")
                ? nil : LawfulBasis(rawValue: try row.decode(column: "lawful_basis", as: String.self)),
            try row.decode(column: "lawful_basis_note", as: String.self)
        )
    }

    /// Records the legal basis of a case with its explanation; needs a `decide` grant.
    public static func recordLawfulBasis(
        _ basis: LawfulBasis, note: String, grant: AccessGrant, at moment: Date = Date(), on db: any SQLDatabase
    ) async throws {
        precondition(grant.action == .decide, "Recording the legal basis is a decision")
        try await db.update("households").set("lawful_basis", to: SQLBind(basis.rawValue))
            .set("lawful_basis_note", to: SQLBind(note))
            .where("id", .equal, SQLBind(grant.context.household.rawValue)).run()
        try await TimelineStore.append(
            "case.lawful_basis", summary: "Grondslag vastgelegd: \(basis.rawValue)", by: grant, at: moment, on: db)
    }
}

extension HouseholdStore {
    /// Records that a member left the household on `day`; earlier membership stays on record. The last
    /// member cannot leave (a household without members is closed, not emptied). Needs an `update` grant.
    public static func recordLeaving(person: String, on day: Day, grant: AccessGrant, on db: any SQLDatabase)
        async throws
    {
        let members = try await members(grant, on: db)
        guard let member = members.first(where: { $0.id == person }) else { throw StoreError.notFound("member") }
        guard members.count > 1 else { throw StoreError.refused("error.last_member") }
        try await db.update("household_members").set("left_on", to: SQLBind(day.iso))
            .where("household_id", .equal, SQLBind(grant.context.household.rawValue))
            .where("person_id", .equal, SQLBind(person)).where("left_on", .is, SQLLiteral.null).run()
        try await TimelineStore.append(
            "member.left", summary: "\(member.name) is per \(day.dutch) uit het huishouden vertrokken",
            recording: ["person": person, "leftOn": day.iso], by: grant, on: db)
    }
}

extension HouseholdStore {
    /// The BSN recorded for a member of the grant's household, for the member's own data export. Needs an
    /// `export` grant: the number is shown nowhere else.
    public static func bsn(of person: String, grant: AccessGrant, on db: any SQLDatabase) async throws -> String? {
        precondition(grant.action == .export, "The BSN leaves Regie only in the member's own export")
        guard try await members(grant, on: db).contains(where: { $0.id == person }) else { return nil }
        return try await db.select().column("bsn").from("persons").where("id", .equal, SQLBind(person)).first()?
            .decode(column: "bsn", as: String?.self)
    }
}

extension HouseholdStore {
    /// One person in a household's care team, with how they joined it.
    public struct CareTeamMember: Sendable, Decodable {
        public let userId: String
        public let name: String
        public let organisationName: String
        public let source: String
        public let since: Int64
    }

    /// The household's care team: everyone the access policy lets in as a member of it.
    public static func careTeam(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> [CareTeamMember] {
        try await db.select()
            .column(SQLAlias(SQLColumn("user_id", table: "care_team_members"), as: SQLIdentifier("user_id")))
            .column(SQLColumn("name", table: "users"))
            .column(SQLAlias(SQLColumn("name", table: "organisations"), as: SQLIdentifier("organisation_name")))
            .column(SQLColumn("source", table: "care_team_members")).column(
                SQLColumn("since", table: "care_team_members")
            )
            .from("care_team_members")
            .join(
                SQLIdentifier("users"), on: SQLColumn("id", table: "users"), .equal,
                SQLColumn("user_id", table: "care_team_members")
            )
            .join(
                SQLIdentifier("organisations"), on: SQLColumn("id", table: "organisations"), .equal,
                SQLColumn("organisation_id", table: "users")
            )
            .where(
                SQLColumn("household_id", table: "care_team_members"), .equal, SQLBind(grant.context.household.rawValue)
            )
            .orderBy(SQLColumn("since", table: "care_team_members"))
            .all(decoding: CareTeamMember.self, keyDecodingStrategy: .snakeCase)
    }

    /// Takes `user` out of the grant's household's care team; their access ends with the next request. The
    /// current case director cannot be removed this way (appoint another first). Needs a `decide` grant.
    public static func removeFromCareTeam(
        _ user: UserID, grant: AccessGrant, at moment: Date = Date(), on db: any SQLDatabase
    ) async throws {
        precondition(grant.action == .decide, "Changing the care team is a decision")
        if grant.context.caseDirector == user { throw StoreError.refused("error.remove_current_director") }
        guard let member = try await careTeam(grant, on: db).first(where: { $0.userId == user.rawValue }) else {
            throw StoreError.notFound("care team member")
        }
        try await removeFromCareTeam(user, household: grant.context.household, on: db)
        try await TimelineStore.append(
            "care_team.removed", summary: "\(member.name) (\(member.organisationName)) uit het zorgteam gehaald",
            recording: ["user": user.rawValue], by: grant, at: moment, on: db)
    }

    /// Records that the care team agreed to share the whole file (or that the agreement ends), with where and
    /// when it was agreed. It takes effect with the next request of every care-team member. Needs `decide`.
    public static func recordSharing(
        agreed: Bool, note: String, grant: AccessGrant, at moment: Date = Date(), on db: any SQLDatabase
    ) async throws {
        precondition(grant.action == .decide, "Sharing within the care team is a decision")
        if agreed == grant.context.sharedWithCareTeam { throw StoreError.refused("error.sharing_unchanged") }
        let summary = agreed ? "Zorgteam deelt het hele dossier" : "Zorgteam ziet weer alleen het eigen deel"
        try await TimelineStore.append(
            agreed ? CareTeamSharing.agreedEvent : CareTeamSharing.endedEvent,
            summary: note.trimmed.isEmpty ? summary : "\(summary): \(note.trimmed)", by: grant, at: moment, on: db)
    }
}
