import Foundation
import RegieCore
import SQLKit

extension SignalStore {
    /// One signal as the signal list and "Mijn meldingen" show it.
    public struct Summary: Sendable {
        public let id: String
        public let household: HouseholdID
        public let householdReference: String
        public let receivedAt: Date
        public let receivedOn: Day
        public let reporter: UserID
        public let reporterName: String
        public let reporterOrganisation: String
        public let crisis: Bool
        public let urgency: SignalUrgency
        public let concerns: [String]
        public let phase: CasePhase
    }

    private struct Row: Decodable {
        let id: String, householdId: String, reference: String, receivedAt: Int64, receivedOn: String
        let reporterUserId: String, reporterName: String, reporterOrganisation: String, crisis: Bool, urgency: String
    }

    /// Households in `network` with signals, newest signal first. Ids only: reading a signal needs a grant.
    public static func households(in network: NetworkID, on db: any SQLDatabase) async throws -> [HouseholdID] {
        try await householdIDs(
            db.select().column("household_id").from("signals")
                .where("network_id", .equal, SQLBind(network.rawValue)), on: db)
    }

    /// Households that `user` signalled, newest first.
    public static func households(signalledBy user: UserID, on db: any SQLDatabase) async throws -> [HouseholdID] {
        try await householdIDs(
            db.select().column("household_id").from("signals")
                .where("reporter_user_id", .equal, SQLBind(user.rawValue)), on: db)
    }

    private static func householdIDs(_ query: SQLSelectBuilder, on db: any SQLDatabase) async throws -> [HouseholdID] {
        let rows = try await query.column(
            SQLAlias(SQLFunction("MAX", args: SQLColumn("received_at")), as: SQLIdentifier("latest"))
        )
        .groupBy("household_id").orderBy("latest", .descending).limit(500).all()
        return try rows.map { HouseholdID(rawValue: try $0.decode(column: "household_id", as: String.self)) }
    }

    /// The signals on the household the grant is for; only the reporter's own when the grant is theirs.
    public static func summaries(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> [Summary] {
        try await summaries([grant], on: db)[grant.context.household] ?? []
    }

    /// The signals on each of the grants' households, newest first, in three reads for a whole list; a reporter's
    /// grant shows only their own signals.
    public static func summaries(_ grants: [AccessGrant], on db: any SQLDatabase) async throws
        -> [HouseholdID: [Summary]]
    {
        guard !grants.isEmpty else { return [:] }
        let grantOf = Dictionary(grants.map { ($0.context.household.rawValue, $0) }) { first, _ in first }
        let rows = try await summariesStatement.fetch(Array(grantOf.keys), on: db)
            .all(decoding: Row.self, keyDecodingStrategy: .snakeCase)
            .filter { row in
                guard let grant = grantOf[row.householdId] else { return false }
                return grant.decision.rule != .reporterOwnSignal || row.reporterUserId == grant.actor.user.rawValue
            }
        var concerns: [String: [String]] = [:]
        if !rows.isEmpty {
            for row in try await concernsStatement.fetch(rows.map(\.id), on: db).all() {
                concerns[try row.decode(column: "signal_id", as: String.self), default: []]
                    .append(try row.decode(column: "domain_code", as: String.self))
            }
        }
        var result: [HouseholdID: [Summary]] = [:]
        for row in rows {
            guard let grant = grantOf[row.householdId] else { continue }
            result[grant.context.household, default: []].append(
                Summary(
                    id: row.id, household: HouseholdID(rawValue: row.householdId), householdReference: row.reference,
                    receivedAt: Date(millis: row.receivedAt),
                    receivedOn: Day(row.receivedOn) ?? Day(Date(millis: row.receivedAt)),
                    reporter: UserID(rawValue: row.reporterUserId), reporterName: row.reporterName,
                    reporterOrganisation: row.reporterOrganisation, crisis: row.crisis,
                    urgency: SignalUrgency(rawValue: row.urgency) ?? .normal, concerns: concerns[row.id] ?? [],
                    phase: grant.context.phase))
        }
        return result
    }

    /// Names the statements below (`KeptStatement`).
    enum SummariesStatement {}
    enum ConcernsStatement {}

    /// The signals of the households in the parameters, newest first, with their reporters: kept for the few
    /// households a list reads again after a change.
    private static let summariesStatement = KeptStatement<SummariesStatement>(forCounts: 1...8) { db, parameters in
        db.select()
            .column(SQLColumn("id", table: "signals")).column(SQLColumn("household_id", table: "signals"))
            .column(SQLColumn("reference", table: "households")).column(SQLColumn("received_at", table: "signals"))
            .column(SQLColumn("received_on", table: "signals"))
            .column(SQLColumn("reporter_user_id", table: "signals"))
            .column(SQLAlias(SQLColumn("name", table: "users"), as: SQLIdentifier("reporter_name")))
            .column(SQLAlias(SQLColumn("name", table: "organisations"), as: SQLIdentifier("reporter_organisation")))
            .column(SQLColumn("crisis", table: "signals")).column(SQLColumn("urgency", table: "signals"))
            .from("signals")
            .join(
                SQLIdentifier("households"), on: SQLColumn("id", table: "households"), .equal,
                SQLColumn("household_id", table: "signals")
            )
            .join(
                SQLIdentifier("users"), on: SQLColumn("id", table: "users"), .equal,
                SQLColumn("reporter_user_id", table: "signals")
            )
            .join(
                SQLIdentifier("organisations"), on: SQLColumn("id", table: "organisations"), .equal,
                SQLColumn("reporter_organisation_id", table: "signals")
            )
            .where(SQLColumn("household_id", table: "signals"), .in, SQLBind.group(parameters))
            .orderBy(
                SQLOrderBy(expression: SQLColumn("received_at", table: "signals"), direction: SQLDirection.descending)
            )
            .query
    }

    /// The concerns of the signals in the parameters: kept for the few signals of the households read again.
    private static let concernsStatement = KeptStatement<ConcernsStatement>(forCounts: 1...8) { db, parameters in
        db.select().column("signal_id").column("domain_code").from("signal_concerns")
            .where("signal_id", .in, SQLBind.group(parameters)).orderBy("domain_code").query
    }
}
