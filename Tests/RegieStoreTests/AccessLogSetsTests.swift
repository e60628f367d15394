import Foundation
import RegieCore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieStore

/// A list page's access is one log entry naming a household set; read by household, the log is what it was.
@Suite("Access log sets")
struct AccessLogSetsTests {
    private static let moment = Date(timeIntervalSince1970: 1_790_000_000)

    private static let network = NetworkID(rawValue: "n1")
    private static let actor = AccessActor(
        user: UserID(rawValue: "u1"), organisation: OrganisationID(rawValue: "o1"),
        assignments: [RoleAssignment(role: .caseDirector, network: network)])

    private static func entry(
        _ household: String, request: String? = "r1", decision: AccessDecision = .allow(.networkDirector)
    ) -> AccessLogEntry {
        AccessLogEntry(
            occurredAt: moment, actor: actor, household: HouseholdID(rawValue: household), network: network,
            action: .viewProcess, decision: decision, breakGlassReason: "Acute zorg: kind in gevaar", requestID: request
        )
    }

    /// A case director opening another director's household outside the rules, with a reason.
    private static let breakGlass = AccessPolicy.decide(
        actor: actor, action: .viewContent,
        context: HouseholdAccessContext(household: HouseholdID(rawValue: "d"), network: network, phase: .intake),
        breakGlassReason: "Acute zorg: kind in gevaar")

    @Test("One list is one row; a household alone, a break-glass access and another request keep rows of their own")
    func grouping() {
        let sets = AccessLogSets([
            Self.entry("b"), Self.entry("a"), Self.entry("c"), Self.entry("a", request: "r2"),
            Self.entry("d", decision: Self.breakGlass), Self.entry("e", decision: .allow(.careTeamMemberWithBasis)),
        ])
        #expect(Self.breakGlass.breakGlass)
        let listed = sets.rows.filter { $0.householdSet != nil }
        #expect(listed.count == 1 && sets.rows.count == 4)
        #expect(sets.sets.values.map { $0.map(\.rawValue) } == [["a", "b", "c"]])
        #expect(listed.first?.householdSet == AccessLogSets.setID(["c", "a", "b"].map(HouseholdID.init(rawValue:))))
        let alone = sets.rows.filter { $0.householdSet == nil }.compactMap(\.entry.household?.rawValue)
        #expect(alone.sorted() == ["a", "d", "e"])
    }

    @Test("A list's grants make the rows an entry per household would make, without those entries")
    func list() throws {
        let user = Self.actor.user
        // Households the actor directs, and households whose care team he is in: two kinds of decision.
        let contexts = ["b", "a", "c", "a", "e", "d"].map { id in
            HouseholdAccessContext(
                household: HouseholdID(rawValue: id), network: Self.network, phase: .active, careTeam: [user],
                caseDirector: id < "d" ? user : nil, lawfulBasis: .legalTask)
        }
        let grants = AccessGuard.decide(Self.actor, .viewProcess, contexts: contexts)
        #expect(Set(grants.map(\.decision.rule)) == [.caseDirectorOfHousehold, .careTeamMemberWithBasis])
        let list = AccessLogSets(list: AccessLogList(grants), at: Self.moment, requestID: "r1")
        let perHousehold = AccessLogSets(
            grants.map {
                AccessLogEntry(
                    occurredAt: Self.moment, actor: $0.actor, household: $0.context.household,
                    network: $0.context.network, action: $0.action, decision: $0.decision, breakGlassReason: nil,
                    requestID: "r1")
            })
        let shape = { (sets: AccessLogSets) in
            sets.rows.map {
                "\($0.householdSet.map { sets.sets[$0]!.map(\.rawValue) } ?? []) \($0.entry.rule) "
                    + "\($0.entry.occurredAt.millis) \($0.entry.requestID ?? "") \($0.entry.user.rawValue)"
            }
        }
        #expect(shape(list) == shape(perHousehold))
        #expect(
            list.sets.values.map { $0.map(\.rawValue) }.sorted { $0.count > $1.count } == [
                ["a", "b", "c"], ["d", "e"],
            ])
        let merged = AccessLogSets(merging: [list, AccessLogSets([Self.entry("f", request: "r2")])])
        #expect(merged.rows.count == 3 && merged.sets.count == 2)
    }

    @Test("A set is named by its households, whatever their order; another set has another name")
    func naming() {
        let ids = ["h2", "h1", "h3"].map(HouseholdID.init(rawValue:))
        #expect(AccessLogSets.setID(ids) == AccessLogSets.setID(ids.reversed()))
        #expect(AccessLogSets.setID(ids) != AccessLogSets.setID(Array(ids.prefix(2))))
        #expect(AccessLogSets.setID(ids).count == 64)
    }

    @Test(
        "A list seen again, also by another server, stores its set once; each household's log and report show every view",
        arguments: TestDatabases.backends)
    func stored(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let director = f.actor(f.director, .networkDirector)
            let households = try await db.write { tx in
                var made: [HouseholdID] = []
                for number in 0..<3 {
                    made.append(
                        try await HouseholdStore.create(
                            network: f.network.id, reference: "SET-\(number)", actor: director, on: tx))
                }
                return made
            }
            var contexts: [HouseholdAccessContext] = []
            for household in households {
                contexts.append(try #require(try await HouseholdStore.accessContext(household, on: db.sql)))
            }
            let all = AccessGuard.decide(director, .viewProcess, contexts: contexts)
            try await AccessGuard.record(all, requestID: "eerste", database: db)
            try await AccessGuard.record(all, requestID: "tweede", database: db)
            try await AccessGuard.record(Array(all.prefix(2)), requestID: "derde", database: db)
            #expect(try await count("access_log", db) == 3)
            #expect(try await count("access_sets", db) == 5, "the set of three once, the set of two once")
            for (index, household) in households.enumerated() {
                let log = try await AccessLogStore.entries(household: household, on: db.sql)
                #expect(log.allSatisfy { $0.householdId == household.rawValue && $0.action == "view_process" })
                #expect(
                    Set(log.compactMap(\.requestId))
                        == (index < 2 ? ["eerste", "tweede", "derde"] : ["eerste", "tweede"]))
            }
            // The member's own NEN 7513 list reads the log by household too.
            let person = UUID().uuidString.lowercased()
            try await db.write { tx in
                try await tx.raw(
                    """
                    INSERT INTO persons (id, network_id, given_name, family_name_prefix, family_name, family_key, \
                    unborn, created_at) VALUES (\(bind: person), \(bind: f.network.id.rawValue), 'Kees', '', \
                    'Jansen', 'jansen', false, 0)
                    """
                ).run()
                try await tx.raw(
                    """
                    INSERT INTO household_members (household_id, person_id, relation, joined_on) \
                    VALUES (\(bind: households[2].rawValue), \(bind: person), 'parent', '2020-01-01')
                    """
                ).run()
            }
            let grant = try await AccessGuard.authorize(
                director, .export, household: households[2], requestID: "rapport", database: db)
            let report = try await AccessLogStore.report(person: person, grant: grant, on: db.sql)
            #expect(report.filter { $0.action == "view_process" }.count == 2)
            // A second server on the same database has not seen the set stored (`StoredAccessSets`), asks for it and
            // stores nothing again.
            let other = try await RegieDatabase.open(db.location)
            try await AccessGuard.record(all, requestID: "vierde", database: other)
            await other.shutdown()
            #expect(try await count("access_sets", db) == 5)
            for household in households {
                let log = try await AccessLogStore.entries(household: household, on: db.sql)
                #expect(log.contains { $0.requestId == "vierde" })
            }
            await #expect(throws: (any Error).self, "sets are evidence: never changed") {
                try await db.write { tx in try await tx.raw("UPDATE access_sets SET household_id = 'x'").run() }
            }
        }
    }

    private func count(_ table: String, _ db: RegieDatabase) async throws -> Int {
        try await db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()!
            .decode(column: "n", as: Int.self)
    }
}
