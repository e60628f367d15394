import Foundation
import HTTPTypes
import HummingbirdTesting
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("Concurrent edits: two professionals on one case never silently overwrite each other")
struct StaleSaveTests {
    /// The position of the newest event the case page showed, as its forms carry it.
    static func seen(_ page: Browser.Page) throws -> String {
        let marker = "name=\"seen\" value=\""
        let start = try #require(page.body.range(of: marker)).upperBound
        return String(page.body[start...].prefix { $0.isNumber })
    }

    /// An open case with a director appointed, and the two who will edit it: the network director and that case
    /// director, each signed in in their own session.
    static func twoOnOneCase(_ harness: Harness, _ client: any TestClientProtocol) async throws -> (
        director: Browser, lead: Browser, page: String
    ) {
        var (director, partner, lead, caseDirector) = try await CaseWorkTests.team(harness, client)
        let id = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
        _ = try await director.post(
            "/cases/\(id)/director",
            [("director", caseDirector.id.rawValue), ("direction", "casusregie"), ("director_from", Day(Date()).dutch)])
        return (director, lead, "/cases/\(id)")
    }

    @Test(
        "A stale plan save is refused with what changed and the input kept; saved again on purpose it lands",
        arguments: TestDatabases.backends)
    func plan(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            let team = try await Self.twoOnOneCase(harness, client)
            var (director, lead) = (team.director, team.lead)
            let page = team.page
            _ = try await director.post("\(page)/plan", [("context", "Eerste opzet")])

            // Both open the case; the network director saves first.
            let seenByDirector = try Self.seen(try await director.get(page))
            let seenByLead = try Self.seen(try await lead.get(page))
            #expect(seenByDirector == seenByLead)
            #expect(
                try await director.post(
                    "\(page)/plan/context", [("context", "Huurschuld, Els wil hulp"), ("seen", seenByDirector)]
                ).status == .found)

            // The case director's save comes from the older page: refused, told what and by whom, input kept.
            let refused = try await lead.post(
                "\(page)/plan/context", [("context", "Schoolverzuim van Mo"), ("seen", seenByLead)])
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("een collega heeft dit deel van het dossier gewijzigd"))
            #expect(refused.body.contains("Intussen gewijzigd — het plan"))
            #expect(refused.body.contains("Regisseur (GGD Testregio): Context van plan versie 1 bijgewerkt"))
            #expect(refused.body.contains(">Schoolverzuim van Mo</textarea>"), "the user's input is kept")
            #expect(refused.body.contains("Huurschuld, Els wil hulp"), "what is stored shows beside it")
            let stored = try await CaseWorkTests.column(harness, "SELECT context AS v FROM plan_versions")
            #expect(stored == ["Huurschuld, Els wil hulp"], "nothing overwritten")

            // The refused page carries the new position: saving again is a deliberate choice and lands.
            let again = try Self.seen(refused)
            #expect(again != seenByLead)
            #expect(
                try await lead.post("\(page)/plan/context", [("context", "Schoolverzuim van Mo"), ("seen", again)])
                    .status == .found)
            #expect(try await lead.get(page).body.contains(">Schoolverzuim van Mo</textarea>"))
        }
    }

    @Test(
        "A change to another part of the file does not block a save; a change to the same part does",
        arguments: TestDatabases.backends)
    func sections(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            let team = try await Self.twoOnOneCase(harness, client)
            var (director, lead) = (team.director, team.lead)
            let page = team.page
            let old = try Self.seen(try await director.get(page))
            let person = try #require(
                try await CaseWorkTests.column(harness, "SELECT person_id AS v FROM household_members").first)
            let safety: [(String, String)] = [
                ("safety_person", person), ("as_of", Day(Date()).dutch), ("concern", "domestic_violence"),
                ("safety_note", "Schulden lopen op"),
            ]
            // The case director records a safety picture; the network director's legal-basis form is older but
            // the legal basis did not change: it goes through.
            #expect(try await lead.post("\(page)/safety", safety + [("seen", old)]).status == .found)
            #expect(
                try await director.post(
                    "\(page)/lawful-basis", [("basis", "consent"), ("basis_note", ""), ("seen", old)]
                ).status == .found)
            // The same old page cannot record another safety picture without seeing the first.
            let refused = try await director.post("\(page)/safety", safety + [("seen", old)])
            #expect(refused.status == .conflict && refused.body.contains("de beoordeling"))
            #expect(refused.body.contains("Probleemhouder (GGD Testregio): Veiligheidsbeeld per"), "who and what")
            // Nor change the legal basis again from that page.
            let basis = try await lead.post(
                "\(page)/lawful-basis", [("basis", "legal_task"), ("basis_note", "Wmo"), ("seen", old)])
            #expect(basis.status == .conflict && basis.body.contains("de casusgegevens"))
        }
    }

    @Test(
        "Two saves from the same page at the same moment: one lands, the other is refused",
        arguments: TestDatabases.backends)
    func simultaneous(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            let team = try await Self.twoOnOneCase(harness, client)
            var (director, lead) = (team.director, team.lead)
            let page = team.page
            _ = try await director.post("\(page)/plan", [("context", "Eerste opzet")])
            let seen = try Self.seen(try await director.get(page))
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for (browser, text) in [(director, "Versie van de coördinator"), (lead, "Versie van de regisseur")] {
                    group.addTask {
                        var browser = browser
                        return try await browser.post("\(page)/plan/context", [("context", text), ("seen", seen)])
                            .status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.sorted { $0.code < $1.code } == [.found, .conflict])
            #expect(try await CaseWorkTests.column(harness, "SELECT context AS v FROM plan_versions").count == 1)
            let saves = try await CaseWorkTests.column(
                harness, "SELECT kind AS v FROM timeline_events WHERE kind = 'plan.context_saved'")
            #expect(saves.count == 1, "exactly one of the two was stored")
        }
    }

    @Test("A save made stale by the user's own save in another window says so, not 'a colleague'")
    func ownWindow() async throws {
        try await Harness.run(.sqlite) { harness, client in
            let team = try await Self.twoOnOneCase(harness, client)
            var director = team.director
            let page = team.page
            _ = try await director.post("\(page)/plan", [("context", "Eerste opzet")])
            let first = try Self.seen(try await director.get(page))
            let second = try Self.seen(try await director.get(page))
            _ = try await director.post("\(page)/plan/context", [("context", "Eerste venster"), ("seen", first)])
            let refused = try await director.post(
                "\(page)/plan/context", [("context", "Tweede venster"), ("seen", second)])
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("u heeft dit deel van het dossier in een ander venster gewijzigd"))
            #expect(!refused.body.contains("een collega"))
            #expect(refused.body.contains("uzelf, in een ander venster: Context van plan versie 1 bijgewerkt"))
            #expect(refused.body.contains(">Tweede venster</textarea>"), "the input is kept")
        }
    }
}
