import Foundation
import RegieCore
import SQLKit

extension HouseholdStore {
    /// The access contexts of many households in five queries per 500 households (one more per household sharing
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

    private struct ContextRow: Decodable {
        let id: String
        let networkId: String
        let lawfulBasis: String?
    }

    private static func readContexts(_ ids: [HouseholdID], on db: any SQLDatabase) async throws
        -> [HouseholdAccessContext]
    {
        let keys = SQLBind.group(ids.map(\.rawValue))
        let households = try await db.select().columns("id", "network_id", "lawful_basis").from("households")
            .where("id", .in, keys).all(decoding: ContextRow.self, keyDecodingStrategy: .snakeCase)
        let team = try await users("care_team_members", column: "user_id", of: keys, on: db)
        let reporters = try await users("signals", column: "reporter_user_id", of: keys, on: db)
        var directors: [String: UserID] = [:]
        for row in try await db.select().columns("household_id", "user_id").from("case_directors")
            .where("household_id", .in, keys)
            .where("kind", .equal, SQLBind(DirectorAppointment.Kind.caseDirection.rawValue))
            .where("ended_on", .is, SQLLiteral.null).all()
        {
            directors[try row.decode(column: "household_id", as: String.self)] = UserID(
                rawValue: try row.decode(column: "user_id", as: String.self))
        }
        var kinds: [String: [String]] = [:]
        for row in try await db.select().columns("household_id", "kind").from("timeline_events")
            .where("household_id", .in, keys).orderBy("seq").all()
        {
            kinds[try row.decode(column: "household_id", as: String.self), default: []]
                .append(try row.decode(column: "kind", as: String.self))
        }
        var contexts: [HouseholdAccessContext] = []
        for household in households {
            let id = HouseholdID(rawValue: household.id)
            let events = kinds[household.id] ?? []
            let basis = household.lawfulBasis.flatMap(LawfulBasis.init(rawValue:))
            contexts.append(
                HouseholdAccessContext(
                    household: id, network: NetworkID(rawValue: household.networkId),
                    phase: CasePhase.derive(fromEventKinds: events), careTeam: team[household.id] ?? [],
                    caseDirector: directors[household.id], reporters: reporters[household.id] ?? [],
                    lawfulBasis: basis,
                    consentedOrganisations: basis == .consent ? try await consentedOrganisations(id, on: db) : [],
                    sharedWithCareTeam: CareTeamSharing.isAgreed(fromEventKinds: events)))
        }
        return contexts
    }

    /// The users in `column` of `table` per household among `keys`.
    private static func users(_ table: String, column: String, of keys: any SQLExpression, on db: any SQLDatabase)
        async throws -> [String: Set<UserID>]
    {
        var users: [String: Set<UserID>] = [:]
        for row in try await db.select().columns("household_id", column).from(table).where("household_id", .in, keys)
            .all()
        {
            users[try row.decode(column: "household_id", as: String.self), default: []]
                .insert(UserID(rawValue: try row.decode(column: column, as: String.self)))
        }
        return users
    }
}
