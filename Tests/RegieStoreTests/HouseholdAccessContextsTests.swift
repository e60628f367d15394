import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@Suite("Household access contexts read for many households at once")
struct HouseholdAccessContextsTests {
    /// A signalled household (the partner reports it) whose care team shares on consent, recorded for its member.
    private func signalledOnConsent(_ db: RegieDatabase, _ f: Fixture) async throws -> HouseholdID {
        let draft = SignalDraft(
            persons: [
                SignalDraft.Person(
                    givenName: "Kees", familyName: "Jansen", birthDate: Day("1980-05-01"), bsn: "", relation: .parent)
            ],
            street: "Lindelaan", houseNumber: "12", postcode: "7511ab", city: "Enschede", neighbourhood: "Noord",
            concerns: ["wonen"], description: "Huurachterstand")
        let household = try await db.write {
            try await SignalStore.record(
                draft, network: f.network.id, household: HouseholdID(), reporter: f.actor(f.partner, .partnerWorker),
                enteredBy: f.partner.id, on: $0)
        }.household
        let decide = try await AccessGuard.authorize(
            f.actor(f.director, .networkDirector), .decide, household: household, requestID: nil, database: db)
        let person = try #require(try await HouseholdStore.members(decide, on: db.sql).first).id
        try await db.write { tx in
            try await HouseholdStore.setLawfulBasis(.consent, household: household, on: tx)
            try await ConsentStore.record(
                ConsentRecord(
                    person: person, purpose: .careTeam, organisation: f.organisation.id, givenBy: .person,
                    givenOn: Day("2026-01-05")!),
                giverName: "", grant: decide, on: tx)
        }
        return household
    }

    /// A household opened as a case on a legal task, with the partner in its care team and a case director.
    private func openCase(_ db: RegieDatabase, _ f: Fixture) async throws -> HouseholdID {
        let director = f.actor(f.director, .networkDirector)
        let household = try await db.write {
            try await HouseholdStore.create(network: f.network.id, reference: "HH-C", actor: director, on: $0)
        }
        let decide = try await AccessGuard.authorize(
            director, .decide, household: household, requestID: nil, database: db)
        try await db.write { tx in
            try await InformationRoundStore.decide(
                CoordinationDecision(outcome: .openCase, reason: "Drie leefgebieden"), grant: decide, on: tx)
            try await HouseholdStore.setLawfulBasis(.legalTask, household: household, on: tx)
            try await HouseholdStore.addToCareTeam(f.partner.id, household: household, source: "plan", on: tx)
            try await DirectorStore.appoint(
                f.director, kind: .caseDirection, from: Day("2026-03-02")!, grant: decide, on: tx)
        }
        return household
    }

    @Test(
        "Each household gets its own care team, reporters, director, phase and consents; unknown ones are absent",
        arguments: TestDatabases.backends)
    func bulk(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let signalled = try await signalledOnConsent(db, f)
            let opened = try await openCase(db, f)
            let unknown = HouseholdID()
            let contexts = try await HouseholdStore.accessContexts([signalled, unknown, opened], on: db.sql)
            #expect(contexts.count == 2 && contexts[unknown] == nil)

            let first = try #require(contexts[signalled])
            #expect(first.phase == .intake && first.reporters == [f.partner.id] && first.careTeam.isEmpty)
            #expect(first.lawfulBasis == .consent && first.consentedOrganisations == [f.organisation.id])
            #expect(first.caseDirector == nil && first.network == f.network.id)

            let second = try #require(contexts[opened])
            #expect(second.phase == .active && second.reporters.isEmpty)
            #expect(second.careTeam.contains(f.partner.id) && second.caseDirector == f.director.id)
            #expect(second.lawfulBasis == .legalTask && second.consentedOrganisations.isEmpty)

            // One household read alone gives the same facts as read among others.
            #expect(try await HouseholdStore.accessContext(signalled, on: db.sql) == first)
            #expect(try await HouseholdStore.accessContext(opened, on: db.sql) == second)
        }
    }

    @Test("More households than one query's chunk are all read", arguments: TestDatabases.backends)
    func chunks(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let director = f.actor(f.director, .networkDirector)
            let households = try await db.write { tx in
                var created: [HouseholdID] = []
                for number in 0..<501 {
                    created.append(
                        try await HouseholdStore.create(
                            network: f.network.id, reference: "HH-\(number)", actor: director, on: tx))
                }
                return created
            }
            let contexts = try await HouseholdStore.accessContexts(households, on: db.sql)
            #expect(Set(contexts.keys) == Set(households))
            #expect(contexts.values.allSatisfy { $0.phase == .intake && $0.network == f.network.id })
        }
    }
}
