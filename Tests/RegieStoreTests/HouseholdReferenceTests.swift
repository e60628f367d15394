import Foundation
import RegieCore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieStore

@Suite("Household references never repeat")
struct HouseholdReferenceTests {
    @Test("A drawn reference that is already in use is drawn again", arguments: TestDatabases.backends)
    func unused(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            let reporter = f.actor(f.partner, .partnerWorker)
            let draft = SignalDraft(
                persons: [
                    SignalDraft.Person(
                        givenName: "Kees", familyName: "Jansen", birthDate: Day("1980-05-01"), relation: .parent)
                ],
                street: "Lindelaan", houseNumber: "12", postcode: "7511ab", city: "Enschede",
                concerns: ["wonen"], description: "Huurachterstand")
            let recorded = try await db.write {
                try await SignalStore.record(
                    draft, network: f.network.id, household: HouseholdID(), reporter: reporter, enteredBy: f.partner.id,
                    on: $0)
            }
            let taken = try #require(
                try await db.sql.select().column("reference").from("households")
                    .where("id", .equal, SQLBind(recorded.household.rawValue)).first()?
                    .decode(column: "reference", as: String.self))
            var draws = [taken, taken, "2026-NIEUW"]
            let chosen = try await SignalStore.unusedReference(
                Day(Date()), drawing: { draws.isEmpty ? nil : draws.removeFirst() }, on: db.sql)
            #expect(chosen == "2026-NIEUW")
        }
    }
}
