import Foundation
import HummingbirdTesting
import RegieCore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieStore
@testable import RegieWeb

@Suite("Closing a case ends its open commitments: off the partners' work, final, and not stalling a reopened case")
struct ClosureEndsCommitmentsJourneyTests {
    /// A case whose partner accepted "Budgetcursus", finished "Schuldhulp aanmelden" and declined "Kookcursus", closed
    /// today into aftercare;
    /// returns the network director's and the partner's browsers, the household id and the accepted commitment's id.
    static func closedCase(_ harness: Harness, _ client: any TestClientProtocol) async throws -> (
        director: Browser, partner: Browser, household: String, accepted: String
    ) {
        var (director, partner, _, caseDirector) = try await CaseWorkTests.team(harness, client)
        let (id, _, accepted) = try await CaseLifeTests.adoptedCase(
            harness, director: &director, partner: &partner, caseDirector: caseDirector)
        let page = "/cases/\(id)"
        try await propose("Schuldhulp aanmelden", on: page, harness, director: &director)
        let done = try await CaseWorkTests.column(
            harness, "SELECT id AS v FROM commitments WHERE description = 'Schuldhulp aanmelden'")[0]
        _ = try await partner.post("/commitments/\(accepted)", [("response", "accept"), ("note", "")])
        _ = try await partner.post("/commitments/\(done)", [("response", "done"), ("note", "Aangemeld bij de GKB")])
        try await propose("Kookcursus", on: page, harness, director: &director)
        let declined = try await CaseWorkTests.column(
            harness, "SELECT id AS v FROM commitments WHERE description = 'Kookcursus'")[0]
        _ = try await partner.post("/commitments/\(declined)", [("response", "decline"), ("note", "Geen plek")])
        #expect(try await partner.get(page).body.contains("overdue-tag\">geweigerd"), "open case: needs attention")
        #expect(
            try await director.get("/cases").body.contains("<td><strong>1</strong></td>"), "counted on the case list")
        #expect(try await partner.get("/").body.contains("Afspraak uitvoeren"))
        #expect(try await director.get(page).body.contains("Plan in het overleg uiterlijk"), "the plan norm runs")
        #expect(
            try await director.post(
                "\(page)/closure",
                [
                    ("closure_reason", "self_reliant"), ("closed_on", Day(Date()).dutch), ("safety_check", "safe"),
                    ("closure_safety_note", "Iedereen veilig"),
                ]
            ).location == "\(page)?notice=notice.case_closed")
        return (director, partner, id, accepted)
    }

    /// The network director asks the test partner for `description`, due at the end of 2027.
    static func propose(_ description: String, on page: String, _ harness: Harness, director: inout Browser)
        async throws
    {
        let partnerID = try await CaseWorkTests.column(
            harness, "SELECT id AS v FROM users WHERE email = 'partner@test.nl'")[0]
        _ = try await director.post(
            "\(page)/commitments",
            [
                ("commitment_owner", partnerID), ("commitment_description", description),
                ("commitment_due", "31-12-2027"),
            ])
    }

    static func statuses(_ harness: Harness) async throws -> [String] {
        try await CaseWorkTests.column(
            harness, "SELECT description || ':' || status AS v FROM commitments ORDER BY description")
    }

    @Test(
        "Closing ends the accepted commitment, keeps the done one; no longer work, refused with the note kept, no stall",
        arguments: TestDatabases.backends)
    func closing(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, id, accepted) = try await Self.closedCase(harness, client)
            let page = "/cases/\(id)"
            #expect(
                try await Self.statuses(harness) == [
                    "Budgetcursus:ended", "Kookcursus:declined", "Schuldhulp aanmelden:done",
                ])
            let home = try await partner.get("/").body
            #expect(!home.contains("Afspraak uitvoeren"), "an ended commitment is no work")
            #expect(!(try await partner.get("/inbox").body.contains("Budgetcursus")))
            let file = try await director.get(page).body
            #expect(file.contains("1 open afspraak beëindigd bij de afsluiting"), "on the timeline")
            #expect(file.contains("Kookcursus"), "the closed plan's commitments are shown")
            #expect(!file.contains("Plan in het overleg uiterlijk"), "in aftercare the plan norm no longer runs")
            #expect(!file.contains("overdue-tag\">geweigerd"), "also on the whole file a declined one is history")
            #expect(
                !(try await director.get("/cases").body.contains("<td><strong>1</strong></td>")),
                "nor counted on the case list, which lists active cases only")
            let ownPart = try await partner.get(page).body
            #expect(
                ownPart.contains("Beëindigd bij afsluiting"),
                "the partner's own part in aftercare shows why the commitment is no longer open")
            #expect(!ownPart.contains("overdue-tag\">geweigerd"), "in aftercare a declined commitment is history")

            let late = try await partner.post(
                "/commitments/\(accepted)", [("response", "done"), ("note", "Cursus toch afgerond")])
            #expect(late.status == .unprocessableContent)
            #expect(late.body.contains("Deze afspraak is beëindigd toen de casus werd afgesloten"))
            #expect(late.body.contains("Cursus toch afgerond"), "the typed note is kept")
            #expect(
                try await Self.statuses(harness) == [
                    "Budgetcursus:ended", "Kookcursus:declined", "Schuldhulp aanmelden:done",
                ])

            // Long past its due day: had it stayed accepted, the reopened case would be stalled by it at once.
            try await harness.app.database.write {
                try await $0.raw("UPDATE commitments SET due_on = '2026-01-05'").run()
            }
            #expect(
                try await director.post("\(page)/reopen", [("reopen_reason", "Huur weer achter")]).status == .found)
            let reopened = try await director.get(page).body
            #expect(reopened.contains("Casus heropend") && !reopened.contains("De zorg stagneert"))
            #expect(
                try await Self.statuses(harness) == [
                    "Budgetcursus:ended", "Kookcursus:declined", "Schuldhulp aanmelden:done",
                ])
        }
    }

    @Test(
        "Updating Regie ends what earlier closures left open, on the timeline; one made after reopening stays open",
        arguments: TestDatabases.backends)
    func update(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, _, id, _) = try await Self.closedCase(harness, client)
            let page = "/cases/\(id)"
            _ = try await director.post("\(page)/reopen", [("reopen_reason", "Huur weer achter")])
            try await Self.propose("Huurregeling", on: page, harness, director: &director)
            #expect(!(try await director.get(page).body.contains("bij het bijwerken van Regie")), "read before")
            // As a closure before this version left it.
            try await harness.app.database.write {
                try await $0.raw("UPDATE commitments SET status = 'accepted' WHERE description = 'Budgetcursus'").run()
            }
            #expect(
                try await harness.app.database.write { try await M022ClosedCommitmentsEnded.endLeftOpen(on: $0) } == 1)
            #expect(
                try await Self.statuses(harness)
                    == [
                        "Budgetcursus:ended", "Huurregeling:proposed", "Kookcursus:declined",
                        "Schuldhulp aanmelden:done",
                    ])
            #expect(
                try await director.get(page).body.contains(
                    "1 open afspraak beëindigd bij de afsluiting (bij het bijwerken van Regie)"),
                "on the timeline, read afresh because the household's version rose")
            #expect(
                try await harness.app.database.write { try await M022ClosedCommitmentsEnded.endLeftOpen(on: $0) } == 0)
        }
    }
}
