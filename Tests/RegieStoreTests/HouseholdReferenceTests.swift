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
            let draws = Draws([taken, taken, "2026-NIEUW"])
            let draw: @Sendable () -> (NewRecords, String) = {
                let reference = draws.take()
                var records = NewRecords()
                records.requireUnused(reference, in: "households", column: "reference")
                return (records, reference)
            }
            let chosen = try await db.write { tx in try await NewRecords.store([draw], on: tx)[0] }
            #expect(chosen == "2026-NIEUW")
        }
    }
}
