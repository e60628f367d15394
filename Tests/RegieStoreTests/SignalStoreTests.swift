import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@Suite("Signals in the store")
struct SignalStoreTests {
    func draft(given: String = "Kees", family: String = "Jansen", birth: String = "1980-05-01", bsn: String = "")
        -> SignalDraft
    {
        SignalDraft(
            persons: [
                SignalDraft.Person(
                    givenName: given, familyName: family, birthDate: Day(birth), bsn: bsn,
                    relation: .parent)
            ],
            street: "Lindelaan", houseNumber: "12", postcode: "7511ab", city: "Enschede", neighbourhood: "Noord",
            concerns: ["wonen", "zorg"], description: "Huurachterstand, vervuilde woning")
    }

    @Test(
        "A signal creates household, persons, concerns and timeline events in one go",
        arguments: TestDatabases.backends)
    func record(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let reporter = f.actor(f.partner, .partnerWorker)
            let recorded = try await db.write {
                try await SignalStore.record(
                    draft(), network: f.network.id, household: HouseholdID(),
                    reporter: reporter, enteredBy: f.partner.id, on: $0)
            }
            #expect(recorded.newHousehold)
            let grant = try await AccessGuard.authorize(
                f.actor(f.director, .networkDirector), .viewIntake, household: recorded.household, requestID: nil,
                database: db)
            #expect(
                try await TimelineStore.events(grant, on: db.sql).map(\.kind) == [
                    "household.created", "signal.received",
                ])
            let summaries = try await SignalStore.summaries(grant, on: db.sql)
            #expect(summaries.count == 1 && summaries[0].concerns == ["wonen", "zorg"])
            #expect(summaries[0].reporterName == f.partner.name && summaries[0].phase == .intake)
            #expect(try await SignalStore.households(in: f.network.id, on: db.sql) == [recorded.household])
            let postcode = try await db.sql.select().column("postcode").from("households")
                .where("id", .equal, SQLBind(recorded.household.rawValue)).first()?.decode(
                    column: "postcode", as: String.self)
            #expect(postcode == "7511 AB")
        }
    }

    @Test(
        "Intakes of new households arriving together are each stored whole, logged once, at the version of their events",
        arguments: TestDatabases.backends)
    func together(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let reporter = f.actor(f.partner, .partnerWorker)
            let recorded = try await withThrowingTaskGroup(of: SignalStore.Recorded.self) { group in
                for index in 0..<40 {
                    let draft = draft(given: "Kind\(index)", family: "Samen")
                    #expect(SignalStore.startsNewHousehold(draft))
                    let household = HouseholdID()
                    group.addTask {
                        try await AccessGuard.authorizeNewHousehold(
                            reporter, network: f.network.id, household: household, requestID: "inname-\(index)",
                            database: db,
                            records: {
                                SignalStore.newHousehold(
                                    draft, network: f.network.id, household: household, reporter: reporter,
                                    enteredBy: f.partner.id)
                            })
                    }
                }
                return try await group.reduce(into: [SignalStore.Recorded]()) { $0.append($1) }
            }
            #expect(Set(recorded.map(\.household)).count == 40 && recorded.allSatisfy(\.newHousehold))
            let director = f.actor(f.director, .networkDirector)
            var references: Set<String> = []
            for one in recorded {
                let grant = try await AccessGuard.authorize(
                    director, .viewIntake, household: one.household, requestID: nil, database: db)
                let events = try await TimelineStore.events(grant, on: db.sql)
                #expect(events.map(\.kind) == ["household.created", "signal.received"])
                #expect(events.last?.after == "{\"signal\":\"\(one.signalID)\"}")
                let summaries = try await SignalStore.summaries(grant, on: db.sql)
                #expect(summaries.map(\.concerns) == [["wonen", "zorg"]])
                #expect(try await HouseholdStore.factVersions(of: [one.household], on: db.sql).first?.version == 2)
                let row = try #require(
                    try await db.sql.select().column("reference").from("households")
                        .where("id", .equal, SQLBind(one.household.rawValue)).first())
                references.insert(try row.decode(column: "reference", as: String.self))
                let members = try await db.sql.select().column("person_id").from("household_members")
                    .where("household_id", .equal, SQLBind(one.household.rawValue)).all()
                #expect(members.count == 1)
                let log = try await AccessLogStore.entries(household: one.household, on: db.sql)
                #expect(log.filter { $0.action == AccessAction.createSignal.rawValue }.count == 1)
            }
            #expect(references.count == 40)
        }
    }

    @Test(
        "Known persons are proposed by name and birth date or BSN, and choosing one joins their household",
        arguments: TestDatabases.backends)
    func matching(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let reporter = f.actor(f.partner, .partnerWorker)
            let first = try await db.write {
                try await SignalStore.record(
                    draft(family: "Janssen", bsn: "111222333"), network: f.network.id,
                    household: HouseholdID(), reporter: reporter, enteredBy: f.partner.id, on: $0)
            }
            let byName = try await SignalStore.candidates(
                for: draft(family: "jansen").persons[0], network: f.network.id, on: db.sql)
            #expect(byName.count == 1 && byName[0].strength == .nameAndBirthDate && byName[0].name == "Kees Janssen")
            let byBSN = try await SignalStore.candidates(
                for: draft(given: "K", family: "Anders", birth: "1999-01-01", bsn: "111 222 333").persons[0],
                network: f.network.id, on: db.sql)
            #expect(byBSN.first?.strength == .sameBSN)
            let byBSNAlone = try await SignalStore.candidates(
                for: draft(given: "K", family: "Anders", birth: "", bsn: "111222333").persons[0],
                network: f.network.id, on: db.sql)
            #expect(byBSNAlone.map(\.name) == ["Kees Janssen"], "a BSN without a birth date finds the person")
            #expect(
                try await SignalStore.candidates(
                    for: draft(given: "Piet").persons[0], network: f.network.id,
                    on: db.sql
                ).isEmpty)
            var again = draft()
            again.persons[0].existingPersonID = byName[0].personID
            let chosen = again
            let second = try await db.write {
                try await SignalStore.record(
                    chosen, network: f.network.id, household: HouseholdID(), reporter: reporter,
                    enteredBy: f.partner.id, on: $0)
            }
            #expect(!second.newHousehold && second.household == first.household)
            // Kees has left that household; a signal that chooses him on two rows starts a new one, which he joins once.
            let kees = byName[0].personID
            try await db.write {
                try await $0.update("household_members").set("left_on", to: SQLBind("2026-01-01"))
                    .where("person_id", .equal, SQLBind(kees)).run()
            }
            var twice = chosen
            twice.persons.append(chosen.persons[0])
            let joined = twice
            let third = try await db.write {
                try await SignalStore.record(
                    joined, network: f.network.id, household: HouseholdID(), reporter: reporter,
                    enteredBy: f.partner.id, on: $0)
            }
            #expect(third.newHousehold && third.household != first.household)
            let members = try await db.sql.select().column("person_id").from("household_members")
                .where("household_id", .equal, SQLBind(third.household.rawValue)).all()
            #expect(members.count == 1)
        }
    }

    @Test(
        "The reporter follows their own signal; another partner sees only who is involved",
        arguments: TestDatabases.backends)
    func reporterAccess(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let recorded = try await db.write {
                try await SignalStore.record(
                    draft(), network: f.network.id, household: HouseholdID(),
                    reporter: f.actor(f.partner, .partnerWorker), enteredBy: f.partner.id, on: $0)
            }
            let own = try await AccessGuard.authorize(
                f.actor(f.partner, .partnerWorker), .viewIntake,
                household: recorded.household, requestID: nil, database: db)
            #expect(own.decision.rule == .reporterOwnSignal)
            let other = f.actor(f.director, .partnerWorker)
            await #expect(throws: AccessDenied(rule: .notInCareTeam)) {
                _ = try await AccessGuard.authorize(
                    other, .viewIntake, household: recorded.household, requestID: nil,
                    database: db)
            }
            #expect(
                try await AccessGuard.authorize(
                    other, .whoIsInvolved, household: recorded.household,
                    requestID: nil, database: db
                ).decision.allowed)
        }
    }
}
