import Foundation
import RegieCore
import SQLKit

extension HouseholdStore {
    /// The access contexts of many households in one query per 500 households (one more per household sharing
    /// on consent): a list that derives a network's households afresh (after a restart, or when the day turned)
    /// took a minute at region scale with six queries per household. Households that do not exist are absent.
    public static func accessContexts(_ ids: [HouseholdID], on db: any SQLDatabase) async throws
        -> [HouseholdID: HouseholdAccessContext]
    {
        var contexts: [HouseholdID: HouseholdAccessContext] = [:]
        contexts.reserveCapacity(ids.count)
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            for context in try await readContexts(chunk, on: db) { contexts[context.household] = context }
        }
        return contexts
    }

    /// One row of `readContexts`' statement: the `part` it comes from, its household, and its value — the network
    /// (with the lawful basis as `detail`) of a household row, the user of a care-team member, reporter or case
    /// director, the kind (with its `seq`) of a timeline event.
    private struct FactRow: Decodable {
        let part: String
        let householdId: String
        let value: String
        let detail: String?
        let seq: Int64
    }

    /// Names the statement below (`KeptStatement`).
    enum ContextsStatement {}

    /// The households and every fact of them the policy weighs, in one statement (`UNION ALL` of each table's rows):
    /// as five reads each paid its own round trip, and on PostgreSQL its own parse and plan, whenever a household
    /// changed. Kept for up to eight households, the few whose facts a list reads again after a change.
    private static let contextsStatement = KeptStatement<ContextsStatement>(forCounts: 1...8) { db, parameters in
        let keys = SQLBind.group(parameters)
        /// The rows of `table` about the households, as `FactRow`s of `part`.
        func part(
            _ part: String, _ table: String, household: String = "household_id", value: String,
            detail: String? = nil, seq: String? = nil, on select: any SQLSubqueryClauseBuilder
        ) -> any SQLSubqueryClauseBuilder {
            select.column(SQLLiteral.string(part), as: "part").column(SQLColumn(household), as: "household_id")
                .column(SQLColumn(value), as: "value")
                .column(detail.map { SQLColumn($0) as any SQLExpression } ?? SQLLiteral.null, as: "detail")
                .column(seq.map { SQLColumn($0) as any SQLExpression } ?? SQLLiteral.numeric("0"), as: "seq")
                .from(table).where(SQLColumn(household), .in, keys)
        }
        return db.select()
            .column(SQLLiteral.string("household"), as: "part").column(SQLColumn("id"), as: "household_id")
            .column(SQLColumn("network_id"), as: "value").column(SQLColumn("lawful_basis"), as: "detail")
            .column(SQLLiteral.numeric("0"), as: "seq").from("households").where("id", .in, keys)
            .union(all: { part("team", "care_team_members", value: "user_id", on: $0) })
            .union(all: { part("reporter", "signals", value: "reporter_user_id", on: $0) })
            .union(all: {
                part("director", "case_directors", value: "user_id", on: $0)
                    .where("kind", .equal, SQLBind(DirectorAppointment.Kind.caseDirection.rawValue))
                    .where("ended_on", .is, SQLLiteral.null)
            })
            .union(all: { part("event", "timeline_events", value: "kind", seq: "seq", on: $0) })
            .query
    }

    private static func readContexts(_ ids: [HouseholdID], on db: any SQLDatabase) async throws
        -> [HouseholdAccessContext]
    {
        let rows = try await contextsStatement.fetch(ids.map(\.rawValue), on: db)
            .all(decoding: FactRow.self, keyDecodingStrategy: .snakeCase)
        var households: [FactRow] = []
        var team: [String: Set<UserID>] = [:]
        var reporters: [String: Set<UserID>] = [:]
        var directors: [String: UserID] = [:]
        var events: [String: [(seq: Int64, kind: String)]] = [:]
        for row in rows {
            switch row.part {
            case "household": households.append(row)
            case "team": team[row.householdId, default: []].insert(UserID(rawValue: row.value))
            case "reporter": reporters[row.householdId, default: []].insert(UserID(rawValue: row.value))
            case "director": directors[row.householdId] = UserID(rawValue: row.value)
            default: events[row.householdId, default: []].append((row.seq, row.value))
            }
        }
        var contexts: [HouseholdAccessContext] = []
        for household in households {
            let id = HouseholdID(rawValue: household.householdId)
            let kinds = (events[household.householdId] ?? []).sorted { $0.seq < $1.seq }.map(\.kind)
            let basis = household.detail.flatMap(LawfulBasis.init(rawValue:))
            contexts.append(
                HouseholdAccessContext(
                    household: id, network: NetworkID(rawValue: household.value),
                    phase: CasePhase.derive(fromEventKinds: kinds), careTeam: team[household.householdId] ?? [],
                    caseDirector: directors[household.householdId], reporters: reporters[household.householdId] ?? [],
                    lawfulBasis: basis,
                    consentedOrganisations: basis == .consent ? try await consentedOrganisations(id, on: db) : [],
                    sharedWithCareTeam: CareTeamSharing.isAgreed(fromEventKinds: kinds)))
        }
        return contexts
    }
}
