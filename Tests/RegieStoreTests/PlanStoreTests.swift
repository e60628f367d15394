import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@Suite("Plan store: one plan per household, versions, directors")
struct PlanStoreTests {
    /// A household with an open case and grants for the network director.
    private func openCase(_ db: RegieDatabase, _ f: Fixture) async throws -> (update: AccessGrant, decide: AccessGrant)
    {
        let director = f.actor(f.director, .networkDirector)
        let household = try await db.write {
            try await HouseholdStore.create(network: f.network.id, reference: "HH-P", actor: director, on: $0)
        }
        let decide = try await AccessGuard.authorize(
            director, .decide, household: household, requestID: nil, database: db)
        try await db.write { tx in
            try await InformationRoundStore.decide(
                CoordinationDecision(outcome: .openCase, reason: "Drie leefgebieden"), grant: decide, on: tx)
        }
        return (
            try await AccessGuard.authorize(director, .update, household: household, requestID: nil, database: db),
            try await AccessGuard.authorize(director, .decide, household: household, requestID: nil, database: db)
        )
    }

    private func goal(_ domain: String) -> PlanGoal {
        PlanGoal(
            key: UUID().uuidString, domain: domain, persons: [], description: "Huur op tijd betalen",
            householdWords: "Geen brieven meer", targetOn: Day("2026-09-01"))
    }

    @Test(
        "A second plan is refused; a revision is a new version that copies goals and supersedes on adoption",
        arguments: TestDatabases.backends)
    func versions(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let (update, decide) = try await openCase(db, f)
            try await db.write { try await PlanStore.start(context: "Huurschuld", grant: update, on: $0) }
            await #expect(throws: StoreError.refused("error.plan_exists")) {
                try await db.write { try await PlanStore.start(context: "Tweede plan", grant: update, on: $0) }
            }
            let wonen = goal("wonen")
            try await db.write { try await PlanStore.add(wonen, grant: update, on: $0) }
            await #expect(throws: StoreError.refused("error.plan_not_adopted")) {
                try await db.write { try await PlanStore.revise(grant: update, on: $0) }
            }
            try await db.write {
                try await PlanStore.adopt(on: Day("2026-03-10")!, meeting: nil, grant: decide, on: $0)
            }
            await #expect(throws: StoreError.refused("error.plan_not_concept")) {
                try await db.write { try await PlanStore.add(goal("werken"), grant: update, on: $0) }
            }
            try await db.write { try await PlanStore.revise(grant: update, on: $0) }
            try await db.write { try await PlanStore.add(goal("werken"), grant: update, on: $0) }
            var plan = try #require(try await PlanStore.current(update, on: db.sql))
            #expect(plan.versions.map(\.number) == [2, 1])
            #expect(plan.concept?.goals.map(\.key).first == wonen.key, "goals keep their key across versions")
            #expect(plan.adopted?.goals.count == 1, "the version in force is unchanged by the revision")
            try await db.write {
                try await PlanStore.adopt(on: Day("2026-06-10")!, meeting: nil, grant: decide, on: $0)
            }
            plan = try #require(try await PlanStore.current(update, on: db.sql))
            #expect(plan.versions.map(\.status) == [.adopted, .revised])
            #expect(plan.adopted?.goals.count == 2 && plan.versions[1].goals.count == 1)
            let kinds = try await TimelineStore.events(update, on: db.sql).map(\.kind)
            #expect(kinds.filter { $0 == "plan.adopted" }.count == 2 && kinds.contains("plan.revision_started"))
        }
    }

    @Test(
        "A refused change stores nothing: the failed second plan leaves no row and no event",
        arguments: TestDatabases.backends)
    func atomic(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let (update, _) = try await openCase(db, f)
            try await db.write { try await PlanStore.start(context: "", grant: update, on: $0) }
            let before = try await TimelineStore.events(update, on: db.sql).count
            _ = try? await db.write { try await PlanStore.start(context: "", grant: update, on: $0) }
            #expect(try await TimelineStore.events(update, on: db.sql).count == before)
            #expect(try await db.sql.select().column("id").from("plans").all().count == 1)
        }
    }

    @Test(
        "Appointing a new director ends the previous one; the director gains access and counts in the caseload",
        arguments: TestDatabases.backends)
    func directors(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let (_, decide) = try await openCase(db, f)
            let household = decide.context.household
            let first = f.partner
            try await db.write {
                try await DirectorStore.appoint(
                    first, kind: .caseDirection, from: Day("2026-03-02")!, grant: decide, on: $0)
            }
            #expect(try await HouseholdStore.accessContext(household, on: db.sql)?.caseDirector == first.id)
            try await db.write {
                try await DirectorStore.appoint(
                    f.director, kind: .caseDirection, from: Day("2026-04-01")!, grant: decide, on: $0)
            }
            let history = try await DirectorStore.history(decide, on: db.sql)
            #expect(history.map(\.endedOn) == [Day("2026-04-01"), nil])
            #expect(history.current(.caseDirection)?.user == f.director.id)
            #expect(history.firstCaseDirectorDay == Day("2026-03-02"))
            let context = try #require(try await HouseholdStore.accessContext(household, on: db.sql))
            #expect(context.caseDirector == f.director.id && context.careTeam.contains(first.id))
        }
    }
}
