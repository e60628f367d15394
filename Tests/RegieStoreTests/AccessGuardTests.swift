import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@Suite("Access guard, access log and timeline")
struct AccessGuardTests {
    @Test(
        "Every decision is logged, allowed or denied, and only a grant reads the timeline",
        arguments: TestDatabases.backends)
    func logged(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let director = f.actor(f.director, .networkDirector)
            let household = try await db.write {
                try await HouseholdStore.create(network: f.network.id, reference: "HH-1", actor: director, on: $0)
            }
            let grant = try await AccessGuard.authorize(
                director, .viewContent, household: household, requestID: "r1",
                database: db)
            #expect(try await TimelineStore.events(grant, on: db.sql).map(\.kind) == ["household.created"])
            await #expect(throws: AccessDenied(rule: .notInCareTeam)) {
                _ = try await AccessGuard.authorize(
                    f.actor(f.partner, .partnerWorker), .viewContent,
                    household: household, requestID: "r2", database: db)
            }
            let log = try await AccessLogStore.entries(household: household, on: db.sql)
            #expect(log.count == 2)
            #expect(Set(log.map(\.allowed)) == [true, false])
            #expect(log.first { !$0.allowed }?.rule == AccessRule.notInCareTeam.rawValue)
            #expect(log.first { $0.allowed }?.requestId == "r1")
        }
    }

    @Test("Joining and leaving the care team changes access at once", arguments: TestDatabases.backends)
    func careTeam(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let partner = f.actor(f.partner, .partnerWorker)
            let household = try await db.write { tx in
                let id = try await HouseholdStore.create(
                    network: f.network.id, reference: "HH-2",
                    actor: f.actor(f.director, .networkDirector), on: tx)
                try await TimelineStore.append(
                    TimelineEvent(
                        household: id, network: f.network.id, actor: f.director.id, actorOrganisation: nil,
                        kind: "case.opened", summary: "Casus geopend"), on: tx)
                try await HouseholdStore.setLawfulBasis(.legalTask, household: id, on: tx)
                try await HouseholdStore.addToCareTeam(f.partner.id, household: id, source: "plan", on: tx)
                return id
            }
            await #expect(throws: AccessDenied(rule: .notSharedWithCareTeam)) {
                _ = try await AccessGuard.authorize(
                    partner, .viewContent, household: household, requestID: nil, database: db)
            }
            let before = try await AccessLogStore.entries(household: household, on: db.sql).count
            let own = try await AccessGuard.authorize(
                partner, firstOf: [.viewContent, .viewOwnPart], household: household, requestID: nil, database: db)
            #expect(own.action == .viewOwnPart && own.decision.rule == .careTeamOwnPart)
            #expect(
                try await AccessLogStore.entries(household: household, on: db.sql).count == before + 1,
                "only the view shown is logged")
            try await db.write { tx in
                try await TimelineStore.append(
                    TimelineEvent(
                        household: household, network: f.network.id, actor: f.director.id, actorOrganisation: nil,
                        kind: CareTeamSharing.agreedEvent, summary: "Afgesproken in het casusoverleg"), on: tx)
            }
            let grant = try await AccessGuard.authorize(
                partner, .viewContent, household: household, requestID: nil,
                database: db)
            #expect(grant.decision.rule == .careTeamMemberWithBasis)
            try await db.write {
                try await HouseholdStore.removeFromCareTeam(f.partner.id, household: household, on: $0)
            }
            await #expect(throws: AccessDenied.self) {
                _ = try await AccessGuard.authorize(
                    partner, .viewContent, household: household, requestID: nil,
                    database: db)
            }
        }
    }

    @Test("Break-glass access is flagged with its reason", arguments: TestDatabases.backends)
    func breakGlass(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let household = try await db.write {
                try await HouseholdStore.create(
                    network: f.network.id, reference: "HH-3",
                    actor: f.actor(f.director, .networkDirector), on: $0)
            }
            let caseDirector = f.actor(f.partner, .caseDirector)
            let reason = "Politie meldt acute dreiging, dossier nodig voor crisisdienst"
            let grant = try await AccessGuard.authorize(
                caseDirector, .viewContent, household: household,
                breakGlassReason: reason, requestID: nil, database: db)
            #expect(grant.decision.breakGlass)
            let entry = try #require(try await AccessLogStore.entries(household: household, on: db.sql).first)
            #expect(entry.breakGlass && entry.breakGlassReason == reason)
        }
    }

    @Test(
        "The timeline, the access log and the admin log refuse updates and deletes",
        arguments: TestDatabases.backends)
    func appendOnly(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let household = try await db.write {
                try await HouseholdStore.create(
                    network: f.network.id, reference: "HH-4",
                    actor: f.actor(f.director, .networkDirector), on: $0)
            }
            _ = try await AccessGuard.authorize(
                f.actor(f.director, .networkDirector), .viewContent,
                household: household, requestID: nil, database: db)
            try await db.write {
                try await AdminLogStore.append(actor: nil, entity: "x", entityID: "1", action: "a", details: "", on: $0)
            }
            for statement in [
                "UPDATE timeline_events SET summary = 'weg'", "DELETE FROM timeline_events",
                "UPDATE access_log SET allowed = false", "DELETE FROM access_log", "DELETE FROM admin_log",
            ] {
                await #expect(throws: (any Error).self, "\(statement)") {
                    try await db.write { try await $0.raw(SQLQueryString(statement)).run() }
                }
            }
            #expect(try await AccessLogStore.entries(household: household, on: db.sql).count == 1)
        }
    }
}
