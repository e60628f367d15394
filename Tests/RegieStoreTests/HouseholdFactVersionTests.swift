import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@Suite("Household fact version")
struct HouseholdFactVersionTests {
    @Test(
        "Every recorded change raises the household's fact version, and a network lists every household",
        arguments: TestDatabases.backends)
    func raised(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let director = f.actor(f.director, .networkDirector)
            // More households than the signal list's window of 500: lists by network must see all of them.
            let households = try await db.write { tx in
                var made: [HouseholdID] = []
                for number in 0..<520 {
                    made.append(
                        try await HouseholdStore.create(
                            network: f.network.id, reference: "HV-\(number)", actor: director, on: tx))
                }
                return made
            }
            let first = households[0]
            func version() async throws -> Int64 {
                try #require(try await HouseholdStore.factVersions(of: [first], on: db.sql).first?.version)
            }
            #expect(try await NetworkFactVersions.read(f.network.id, after: nil, on: db.sql).versions.count == 520)
            let created = try await version()
            try await db.write { tx in
                try await TimelineStore.append(
                    TimelineEvent(
                        household: first, network: f.network.id, actor: f.director.id, actorOrganisation: nil,
                        kind: "case.opened", summary: "Casus geopend"), on: tx)
            }
            let opened = try await version()
            try await db.write { tx in
                try await HouseholdStore.addToCareTeam(f.partner.id, household: first, source: "plan", on: tx)
            }
            let joined = try await version()
            try await db.write { tx in
                try await HouseholdStore.removeFromCareTeam(f.partner.id, household: first, on: tx)
            }
            let left = try await version()
            try await db.write { tx in
                try await HouseholdStore.setLawfulBasis(.legalTask, household: first, on: tx)
            }
            let based = try await version()
            #expect(created < opened && opened < joined && joined < left && left < based)
            // A change that is rolled back leaves the version where it was.
            struct Undo: Error {}
            await #expect(throws: Undo.self) {
                try await db.write { tx in
                    try await HouseholdStore.touch(first, on: tx)
                    throw Undo()
                }
            }
            #expect(try await version() == based)
            // Other households were not touched.
            let others = try await HouseholdStore.factVersions(of: Array(households.dropFirst()), on: db.sql)
            #expect(others.count == 519 && others.allSatisfy { $0.version == created })
        }
    }

    @Test("A list page logs its households in one write, past the parameter limit", arguments: TestDatabases.backends)
    func batchLog(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let director = f.actor(f.director, .networkDirector)
            let partner = f.actor(f.partner, .partnerWorker)
            let households = try await db.write { tx in
                var made: [HouseholdID] = []
                for number in 0..<1_100 {
                    made.append(
                        try await HouseholdStore.create(
                            network: f.network.id, reference: "HL-\(number)", actor: director, on: tx))
                }
                return made
            }
            var contexts: [HouseholdAccessContext] = []
            for household in households {
                contexts.append(try #require(try await HouseholdStore.accessContext(household, on: db.sql)))
            }
            #expect(AccessGuard.decide(partner, .viewProcess, contexts: contexts).isEmpty)
            let grants = AccessGuard.decide(director, .viewProcess, contexts: contexts)
            #expect(grants.count == 1_100)
            try await AccessGuard.record(grants, requestID: "lijst", database: db)
            func logged(_ table: String) async throws -> Int? {
                try await db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                    .from(table).where("request_id", .equal, SQLBind("lijst")).first()?
                    .decode(column: "n", as: Int.self)
            }
            // One entry naming the list's set; read by household, the access to each of them.
            #expect(try await logged("access_log") == 1)
            #expect(try await logged("access_log_by_household") == 1_100)
            let one = try await AccessLogStore.entries(household: households[1_099], on: db.sql)
            #expect(one.map(\.action) == [AccessAction.viewProcess.rawValue] && one.allSatisfy(\.allowed))
        }
    }
}

@Suite("Household fact stamp")
struct HouseholdFactStampTests {
    @Test("A writer's own changes give the stamp it expects; another change or a new household gives another")
    func expected() async throws {
        #expect(HouseholdStore.factStamp("12:340", raisedBy: 3) == "12:343")
        #expect(HouseholdStore.factStamp("0:0", raisedBy: 0) == "0:0")
        #expect(HouseholdStore.factStamp("twaalf", raisedBy: 1) == nil)
        try await TestDatabases.with(.sqlite) { db in
            let f = try await Fixture.make(on: db)
            let director = f.actor(f.director, .networkDirector)
            let household = try await db.write {
                try await HouseholdStore.create(network: f.network.id, reference: "HS-1", actor: director, on: $0)
            }
            let before = try await HouseholdStore.factStamp(of: [f.network.id], on: db.sql)
            let raised = try await db.write { tx in
                let start = try await HouseholdStore.lockedFactVersion(of: household, on: tx)
                try await TimelineStore.append(
                    TimelineEvent(
                        household: household, network: f.network.id, actor: f.director.id, actorOrganisation: nil,
                        kind: "case.opened", summary: "Casus geopend"), on: tx)
                return try await HouseholdStore.lockedFactVersion(of: household, on: tx) - start
            }
            #expect(raised == 1)
            let after = try await HouseholdStore.factStamp(of: [f.network.id], on: db.sql)
            #expect(after == HouseholdStore.factStamp(before, raisedBy: raised))
            _ = try await db.write {
                try await HouseholdStore.create(network: f.network.id, reference: "HS-2", actor: director, on: $0)
            }
            #expect(
                try await HouseholdStore.factStamp(of: [f.network.id], on: db.sql)
                    != HouseholdStore.factStamp(before, raisedBy: raised))
        }
    }
}
