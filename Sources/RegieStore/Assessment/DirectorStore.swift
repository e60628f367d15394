import Foundation
import RegieCore
import SQLKit

/// Case directors and process directors of households, with start and end days. Appointing a new holder of
/// a kind ends the previous one on the same day, so there is always at most one current holder per kind.
public enum DirectorStore {
    private struct Row: Decodable {
        let userId: String, userName: String, organisationName: String, kind: String, startedOn: String
        let endedOn: String?
    }

    /// Every appointment of the household, oldest first. Needs a grant for the household (process facts).
    public static func history(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> [DirectorAppointment] {
        try await historyStatement.fetch([grant.context.household.rawValue], on: db)
            .all(decoding: Row.self, keyDecodingStrategy: .snakeCase)
            .map {
                DirectorAppointment(
                    user: UserID(rawValue: $0.userId), userName: $0.userName, organisationName: $0.organisationName,
                    kind: DirectorAppointment.Kind(rawValue: $0.kind) ?? .caseDirection,
                    startedOn: Day($0.startedOn) ?? Day(Date()), endedOn: $0.endedOn.flatMap(Day.init))
            }
    }

    /// Names the statement below on PostgreSQL, where it runs prepared (`KeptStatement`): every case page reads it,
    /// and PostgreSQL spent longer planning it afresh than running it.
    enum HistoryStatement {}

    /// A household's appointments with the names of the people and their organisations, oldest first.
    private static let historyStatement = KeptStatement<HistoryStatement> { db, parameters in
        db.select()
            .column(SQLColumn("user_id", table: "case_directors"))
            .column(SQLAlias(SQLColumn("name", table: "users"), as: SQLIdentifier("user_name")))
            .column(SQLAlias(SQLColumn("name", table: "organisations"), as: SQLIdentifier("organisation_name")))
            .column(SQLColumn("kind", table: "case_directors"))
            .column(SQLColumn("started_on", table: "case_directors"))
            .column(SQLColumn("ended_on", table: "case_directors"))
            .from("case_directors")
            .join(
                SQLIdentifier("users"), on: SQLColumn("id", table: "users"), .equal,
                SQLColumn("user_id", table: "case_directors")
            )
            .join(
                SQLIdentifier("organisations"), on: SQLColumn("id", table: "organisations"), .equal,
                SQLColumn("organisation_id", table: "case_directors")
            )
            .where(
                SQLColumn("household_id", table: "case_directors"), .equal, SQLBind(parameters[0])
            )
            .orderBy(SQLColumn("appointed_at", table: "case_directors")).query
    }

    /// Appoints `user` (of `organisation`) for `kind` from `day`, ends the previous holder and brings the new
    /// one into the care team. Needs a `decide` grant.
    public static func appoint(
        _ user: UserAccount, kind: DirectorAppointment.Kind, from day: Day, grant: AccessGrant,
        at moment: Date = Date(), on db: any SQLDatabase
    ) async throws {
        precondition(grant.action == .decide, "Appointing a director is a decision")
        let household = grant.context.household.rawValue
        try await db.update("case_directors").set("ended_on", to: SQLBind(day.iso))
            .where("household_id", .equal, SQLBind(household)).where("kind", .equal, SQLBind(kind.rawValue))
            .where("ended_on", .is, SQLLiteral.null).run()
        try await db.insert(into: "case_directors")
            .columns(
                "id", "household_id", "user_id", "organisation_id", "kind", "started_on", "appointed_by",
                "appointed_at"
            )
            .values(
                SQLBind(TimeOrderedID.make()), SQLBind(household), SQLBind(user.id.rawValue),
                SQLBind(user.organisation.rawValue), SQLBind(kind.rawValue), SQLBind(day.iso),
                SQLBind(grant.actor.user.rawValue), SQLBind(moment.millis)
            )
            .run()
        try await HouseholdStore.addToCareTeam(user.id, household: grant.context.household, source: "director", on: db)
        try await TimelineStore.append(
            "director.appointed", summary: "\(user.name) is aangesteld (\(kind.rawValue)) per \(day.dutch)",
            recording: ["user": user.id.rawValue, "kind": kind.rawValue, "from": day.iso], by: grant, at: moment,
            on: db)
    }
}

extension DirectorStore {
    /// Households in `network` that `user` currently directs (ids only).
    public static func households(directedBy user: UserID, in network: NetworkID, on db: any SQLDatabase)
        async throws -> [HouseholdID]
    {
        try await db.select().column(SQLColumn("household_id", table: "case_directors")).from("case_directors")
            .join(
                SQLIdentifier("households"), on: SQLColumn("id", table: "households"), .equal,
                SQLColumn("household_id", table: "case_directors")
            )
            .where(SQLColumn("user_id", table: "case_directors"), .equal, SQLBind(user.rawValue))
            .where(SQLColumn("network_id", table: "households"), .equal, SQLBind(network.rawValue))
            .where(SQLColumn("ended_on", table: "case_directors"), .is, SQLLiteral.null)
            .all().map { HouseholdID(rawValue: try $0.decode(column: "household_id", as: String.self)) }
    }
}
