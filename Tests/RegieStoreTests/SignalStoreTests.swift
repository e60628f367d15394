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
