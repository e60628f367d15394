import Foundation
import HummingbirdTesting
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

/// Enschede's care-purchase budget through the router on both databases: the municipality sets the year's amount,
/// the team leader spends from it with an escalation decision, overspending and a missing amount are refused with
/// the input kept, and the balance follows from the decisions.
@Suite("Care-purchase budget: set by the municipality, spent by escalation decisions, balance derived")
struct CareBudgetSpendingTests {
    @Test(
        "Set 5.000 → refused without budget, over the balance, by the case director → 1.250,50 spent → 3.749,50 left",
        arguments: TestDatabases.backends)
    func spend(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, caseLead, caseDirector) = try await CaseWorkTests.team(harness, client)
            let id = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
            _ = try await harness.user(
                "gemeente@test.nl", [RoleAssignment(role: .policyOfficer, network: harness.network.id)])
            var municipality = Browser(client)
            _ = try await municipality.login("gemeente@test.nl")
            let page = "/cases/\(id)"
            let today = Day(Date())
            _ = try await director.post(
                "\(page)/director",
                [("director", caseDirector.id.rawValue), ("direction", "casusregie"), ("director_from", today.dutch)])
            _ = try await director.post(
                "\(page)/escalations",
                [("escalation_kind", "content"), ("escalated_on", today.dutch), ("escalation_reason", "Geen plek")])
            let escalation = try await CaseWorkTests.column(harness, "SELECT id AS v FROM escalations")[0]
            let decide = { (browser: inout Browser, amount: String) in
                try await browser.post(
                    "\(page)/escalations/\(escalation)/decision",
                    [
                        ("decision", "Logeerplek ingekocht"), ("mandate", "care_budget"), ("structural", "no"),
                        ("decided_on", today.dutch), ("budget_amount", amount),
                    ])
            }
            let spent = { try await CaseWorkTests.column(harness, "SELECT spent_on AS v FROM care_budget_spendings") }

            let unset = try await decide(&director, "1.250,50")
            #expect(unset.status == .unprocessableContent)
            #expect(unset.body.contains("Voor dit jaar is geen zorginkoopbudget vastgesteld"))
            #expect(unset.body.contains("value=\"1.250,50\""), "the amount typed is kept")

            #expect(
                try await director.post("/care-budget", [("year", "\(today.year)"), ("amount", "5000")]).status
                    == .forbidden, "the municipality sets the amount, not the team leader")
            let wrong = try await municipality.post("/care-budget", [("year", "\(today.year)"), ("amount", "vijf")])
            #expect(wrong.status == .unprocessableContent && wrong.body.contains("Vul een bedrag in euro’s in"))
            #expect(wrong.body.contains("value=\"vijf\""))
            #expect(
                try await municipality.post("/care-budget", [("year", "\(today.year)"), ("amount", "5.000")]).location
                    == "/care-budget?year=\(today.year)&notice=notice.care_budget_set")

            let over = try await decide(&director, "5.000,01")
            #expect(over.status == .unprocessableContent && over.body.contains("hoger dan wat er nog in"))
            #expect(over.body.contains("Nog beschikbaar in \(today.year): € 5.000,00 van € 5.000,00"))
            let byCaseDirector = try await decide(&caseLead, "100")
            #expect(byCaseDirector.body.contains("Alleen de netwerkregisseur (teamleider)"))
            let missing = try await decide(&director, "")
            #expect(missing.body.contains("Vul het bedrag in dat uit het zorginkoopbudget komt."))
            #expect(try await spent().isEmpty, "nothing half-written by refused decisions")
            let undecided = try await CaseWorkTests.column(
                harness, "SELECT id AS v FROM escalations WHERE decided_on IS NULL")
            #expect(undecided == [escalation])

            #expect(try await decide(&director, "1.250,50").status == .found)
            #expect(try await spent() == [today.iso])
            #expect(try await director.get(page).body.contains("Budget voor zorginkoop: € 1.250,50"))
            let overview = try await director.get("/care-budget").body
            #expect(overview.contains("€ 3.749,50") && overview.contains("€ 1.250,50"))
            #expect(overview.contains("href=\"/cases/\(id)#escalation\""), "the team leader can open the case")
            let municipal = try await municipality.get("/care-budget").body
            #expect(municipal.contains("€ 3.749,50") && !municipal.contains("href=\"/cases/"))
            let lower = try await municipality.post("/care-budget", [("year", "\(today.year)"), ("amount", "1.000")])
            #expect(lower.body.contains("Het budget kan niet lager zijn dan wat er dit jaar al is uitgegeven."))
            #expect(try await partner.get("/care-budget").status == .forbidden)
            let timeline = try await CaseWorkTests.column(
                harness, "SELECT summary AS v FROM timeline_events WHERE kind = 'escalation.decided'")
            #expect(timeline == ["Opschaling besloten; € 1.250,50 uit het zorginkoopbudget"])
        }
    }
}
