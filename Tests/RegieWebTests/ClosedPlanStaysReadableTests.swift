import Foundation
import HummingbirdTesting
import RegieCore
import RegieTestSupport
import Testing

@testable import RegieStore
@testable import RegieWeb

@Suite("In aftercare the plan the case was closed with stays readable, and nothing offers to change or restart it")
struct ClosedPlanStaysReadableTests {
    @Test(
        "The director reads the closed plan without forms; the partner's commitment stays under its goal",
        arguments: TestDatabases.backends)
    func aftercare(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, caseDirector) = try await CaseWorkTests.team(harness, client)
            let (id, goal, _) = try await CaseLifeTests.adoptedCase(
                harness, director: &director, partner: &partner, caseDirector: caseDirector)
            let page = "/cases/\(id)"
            let partnerID = try await CaseWorkTests.column(
                harness, "SELECT id AS v FROM users WHERE email = 'partner@test.nl'")[0]
            _ = try await director.post(
                "\(page)/commitments",
                [
                    ("commitment_owner", partnerID), ("commitment_goal", goal),
                    ("commitment_description", "Huurachterstand regelen"), ("commitment_due", "31-12-2027"),
                ])
            let open = try await director.get(page).body
            #expect(open.contains("action=\"/cases/\(id)/plan/revise\""), "an open case's adopted plan can be revised")
            #expect(!open.contains("Afgesloten met de casus"))
            _ = try await director.post(
                "\(page)/closure",
                [
                    ("closure_reason", "self_reliant"), ("closed_on", Day(Date()).dutch), ("safety_check", "safe"),
                    ("closure_safety_note", "Iedereen veilig"),
                ])

            let file = try await director.get(page).body
            #expect(file.contains("Afgesloten met de casus: het plan is alleen nog te lezen."))
            #expect(file.contains("Huur op tijd betalen"), "the closed plan's goal is shown")
            #expect(!file.contains("Er is nog geen plan"), "the closed plan is not taken for a missing one")
            #expect(!file.contains("action=\"/cases/\(id)/plan\""), "no new plan is offered in aftercare")
            #expect(!file.contains("action=\"/cases/\(id)/plan/revise\""), "nor a revision of the closed one")
            #expect(!file.contains("action=\"/cases/\(id)/commitments\""), "nor new commitments")

            let ownPart = try await partner.get(page).body
            let goalAt = try #require(ownPart.range(of: "Huur op tijd betalen"))
            let commitmentAt = try #require(ownPart.range(of: "Huurachterstand regelen"))
            // "Budgetcursus" served no goal and is rightly listed apart, after the goals.
            let withoutGoalAt = try #require(ownPart.range(of: "Afspraken zonder doel in het plan"))
            #expect(
                goalAt.lowerBound < commitmentAt.lowerBound && commitmentAt.lowerBound < withoutGoalAt.lowerBound,
                "the commitment is listed under the goal it served, not among those without one")

            // The routes refuse as well: the open plan is gone, and a new one is only started in an open case.
            let restart = try await director.post("\(page)/plan", [("context", "Opnieuw")])
            #expect(restart.status == .unprocessableContent)
            #expect(
                try await CaseWorkTests.column(harness, "SELECT id AS v FROM plans").count == 1,
                "nothing was stored")

            _ = try await director.post("\(page)/reopen", [("reopen_reason", "Huur weer achter")])
            let reopened = try await director.get(page).body
            #expect(reopened.contains("Er is nog geen plan"), "a reopened case starts a new plan")
            #expect(reopened.contains("action=\"/cases/\(id)/plan\""))
            #expect(!reopened.contains("Afgesloten met de casus"))
            // The plan it was closed with stays in view, and its goal can be taken over into the new concept.
            #expect(reopened.contains("Vorig plan") && reopened.contains("Huur op tijd betalen"))
            #expect(reopened.contains("name=\"carry_goals\" value=\"1\" checked> Doelen van het vorige plan overnemen"))
            #expect(reopened.contains("in het nieuwe concept (1)"))
            // The printable plan too: no plan yet, the previous one to take along.
            let printed = try await director.get("\(page)/plan/print").body
            #expect(
                printed.contains("Er is nog geen plan.") && printed.contains("Vorig plan — afgesloten met de casus"))
            #expect(printed.contains("Huur op tijd betalen") && !printed.contains("Instemming van het huishouden"))
            let started = try await director.post("\(page)/plan", [("context", "Na terugval"), ("carry_goals", "1")])
            #expect(started.status == .seeOther || started.status == .found)
            let keys = try await CaseWorkTests.column(
                harness, "SELECT goal_key AS v FROM plan_goals WHERE description = 'Huur op tijd betalen'")
            #expect(Set(keys).count == 2, "the goal came over with a key of its own: \(keys)")
            let restarted = try await director.get(page).body
            #expect(restarted.contains("Huur op tijd betalen") && !restarted.contains("Vorig plan"))
            #expect(restarted.contains("met 1 doel uit het vorige plan"), "the timeline says what came over")
            let printedNew = try await director.get("\(page)/plan/print").body
            #expect(printedNew.contains("Huur op tijd betalen") && !printedNew.contains("Vorig plan"))
        }
    }
}
