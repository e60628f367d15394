import Foundation
import HummingbirdTesting
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

/// The policy-signal register and the neighbourhood view through the router, on both databases: raising from a
/// case and in the register, the municipality's answer, the counts per category, CSV, marking an area, and who may
/// do what.
@Suite("Policy signals and neighbourhoods: register, answers, per-area counts and the collective approach")
struct PolicySignalTests {
    @Test(
        "A director raises a signal from a case; the policy officer answers; counts, CSV and refusals agree",
        arguments: TestDatabases.backends)
    func register(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, policy, household) = try await FigureTests.world(harness, client)
            var partner = Browser(client)
            _ = try await partner.login("partner@test.nl")
            let reference = try await HouseholdStore.reference(
                of: HouseholdID(rawValue: household), on: harness.app.database.sql)

            let form = try await director.get("/policy-signals?case=\(household)")
            #expect(form.status == .ok && form.body.contains(reference) && form.body.contains("name=\"case\""))
            let short = try await director.post(
                "/policy-signals", [("case", household), ("category", "waiting_list"), ("description", "Wacht")])
            #expect(short.status == .unprocessableContent)
            #expect(short.body.contains("Beschrijf het knelpunt in minstens tien tekens."))
            #expect(short.body.contains(">Wacht</textarea>") && short.body.contains("value=\"waiting_list\" selected"))
            #expect(try await CaseWorkTests.column(harness, "SELECT id AS v FROM policy_signals").isEmpty)

            let raised = try await director.post(
                "/policy-signals",
                [
                    ("case", household), ("category", "waiting_list"),
                    ("description", "Schuldhulp heeft een wachtlijst van veertien weken"),
                ])
            #expect(raised.status == .found)
            #expect(
                try await CaseWorkTests.column(
                    harness, "SELECT source || ':' || category || ':' || household_id AS v FROM policy_signals")
                    == ["case:waiting_list:\(household)"])
            #expect(try await director.get("/cases/\(household)").body.contains("Beleidssignaal gemeld: Wachtlijst"))
            _ = try await director.post(
                "/policy-signals", [("category", "rule"), ("description", "Huurachterstand sluit urgentie uit")])

            let page = try await director.get("/policy-signals")
            #expect(page.body.contains("Schuldhulp heeft een wachtlijst van veertien weken"))
            #expect(page.body.contains("<td class=\"number\">1 (1 open)</td>"))
            #expect(page.body.contains("<td class=\"number\">2 (2 open)</td>"), "the total row")
            #expect(page.body.contains("href=\"/cases/\(household)\""), "directors open the case behind it")
            #expect(!page.body.contains("/answer?"), "only the municipality answers")

            let seen = try await policy.get("/policy-signals")
            #expect(seen.status == .ok && !seen.body.contains("/cases/") && !seen.body.contains("name=\"description\""))
            let signal = try await CaseWorkTests.column(
                harness, "SELECT id AS v FROM policy_signals WHERE category = 'waiting_list'")[0]
            let declined = try await policy.post(
                "/policy-signals/\(signal)/answer", [("answer", "declined"), ("answered_on", Day(Date()).dutch)])
            #expect(declined.status == .unprocessableContent)
            #expect(declined.body.contains("Geef aan waarom het signaal niet wordt overgenomen."))
            #expect(declined.body.contains("value=\"declined\" selected"), "the choice is kept")
            let answered = try await policy.post(
                "/policy-signals/\(signal)/answer",
                [("answer", "taken_up"), ("answered_on", Day(Date()).dutch), ("note", "Extra budget in 2027")])
            #expect(answered.status == .found)
            let after = try await policy.get("/policy-signals").body
            #expect(after.contains("In behandeling bij de gemeente") && after.contains("Extra budget in 2027"))
            #expect(after.contains("In behandeling bij de gemeente: <strong>1</strong>"))

            let csv = try await policy.get("/policy-signals.csv")
            #expect(csv.body.hasPrefix("\u{FEFF}Gemeld op;Netwerk;Soort knelpunt;"))
            #expect(csv.body.contains(";Wachtlijst;Uit een casus;Schuldhulp heeft een wachtlijst van veertien weken;"))

            #expect(
                try await policy.post(
                    "/policy-signals/\(UUID())/answer",
                    [
                        ("answer", "solved"), ("answered_on", Day(Date()).dutch),
                    ]
                ).status == .notFound)
            #expect(
                try await director.post("/policy-signals/\(signal)/answer", [("answer", "solved")]).status == .forbidden
            )
            #expect(try await partner.get("/policy-signals").status == .forbidden)
            #expect(
                try await policy.post("/policy-signals", [("category", "gap"), ("description", "Geen dagbesteding")])
                    .status == .forbidden)
        }
    }

    @Test(
        "The neighbourhood view protects small counts; an area is marked with a reason and the mark is ended",
        arguments: TestDatabases.backends)
    func neighbourhoods(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, policy, _) = try await FigureTests.world(harness, client)
            var partner = Browser(client)
            _ = try await partner.login("partner@test.nl")
            let page = try await director.get("/neighbourhoods")
            #expect(page.status == .ok && page.body.contains("<td>Noord</td>"))
            #expect(page.body.contains("<td class=\"number\">&lt;5</td>") && !page.body.contains(">2</td>"))

            let query = "from=01-01-2020&to=\(Day(Date()).dutch)"
            let fields = [
                ("network", harness.network.id.rawValue), ("area", "Noord"), ("action", "mark"),
                ("marked_on", Day(Date()).dutch),
            ]
            let noReason = try await director.post("/neighbourhoods/marks?\(query)", fields + [("reason", " ")])
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.body.contains("Geef aan waarom deze wijk een collectieve aanpak krijgt."))
            #expect(noReason.body.contains("value=\"01-01-2020\""), "the period stays")
            let unknown = try await director.post(
                "/neighbourhoods/marks?\(query)",
                [
                    ("network", harness.network.id.rawValue), ("area", "Atlantis"),
                    ("action", "mark"), ("marked_on", Day(Date()).dutch), ("reason", "Veel schulden"),
                ])
            #expect(unknown.status == .unprocessableContent)
            #expect(try await CaseWorkTests.column(harness, "SELECT area AS v FROM area_marks").isEmpty)

            let marked = try await director.post(
                "/neighbourhoods/marks?\(query)", fields + [("reason", "Veel huurachterstanden in de flats")])
            #expect(marked.status == .found)
            let shown = try await policy.get("/neighbourhoods").body
            #expect(shown.contains("Veel huurachterstanden in de flats") && shown.contains("class=\"marked\""))
            #expect(
                try await policy.post(
                    "/neighbourhoods/marks?\(query)",
                    [
                        ("network", harness.network.id.rawValue), ("area", "Noord"), ("action", "end"),
                        ("marked_on", Day(Date()).dutch), ("reason", "Buurtaanpak loopt via het wijkteam"),
                    ]
                ).status == .found)
            #expect(!(try await director.get("/neighbourhoods").body.contains("class=\"marked\"")))
            #expect(try await CaseWorkTests.column(harness, "SELECT area AS v FROM area_marks") == ["Noord", "Noord"])
            #expect(try await partner.get("/neighbourhoods").status == .forbidden)
            #expect(try await partner.post("/neighbourhoods/marks", fields).status == .forbidden)
        }
    }
}
