import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

/// Phase-dependent minimum views (issue 6): a partner in the care team sees its own part of the file — its
/// commitments, the goals they serve and its own notes — and the whole file only once the care team agreed to share.
@Suite("Minimum view: a partner sees its own part unless the care team agreed to share")
struct OwnPartTests {
    @Test(
        "Own part without the agreement; the whole file with it; ended at once; the log names each",
        arguments: TestDatabases.backends)
    func ownPart(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, lead, caseDirector) = try await CaseWorkTests.team(harness, client)
            let school = try await harness.addShellSchool("Het Kompas")
            let mentorAccount = try await harness.user(
                "mentor@test.nl", [RoleAssignment(role: .partnerWorker, network: harness.network.id)],
                organisation: school.id)
            var mentor = Browser(client)
            _ = try await mentor.login("mentor@test.nl")
            let (id, goal, _) = try await CaseLifeTests.adoptedCase(
                harness, director: &director, partner: &partner, caseDirector: caseDirector)
            let page = "/cases/\(id)"
            let today = Day(Date()).dutch
            let added = try await lead.post(
                "\(page)/commitments",
                [
                    ("commitment_owner", mentorAccount.id.rawValue), ("commitment_description", "Mentorgesprek Lisa"),
                    ("commitment_due", "31-12-2027"), ("commitment_goal", goal),
                ])
            #expect(added.status == .found, "the case director asks the school for a commitment")
            _ = try await lead.post(
                "\(page)/progress",
                [("progress_kind", "talk"), ("progress_on", today), ("progress_text", "Thuis gesproken over de huur")])
            #expect(
                try await mentor.post(
                    "\(page)/progress",
                    [("progress_kind", "contact"), ("progress_on", today), ("progress_text", "Lisa verzuimt weer")]
                ).status == .found, "a partner notes progress on its own part")

            let own = try await partner.get(page)
            #expect(own.status == .ok && own.body.contains("U ziet uw eigen deel van dit dossier"))
            #expect(own.body.contains("Kees Jansen") && own.body.contains("Budgetcursus"))
            #expect(!own.body.contains("Mentorgesprek Lisa") && !own.body.contains("Lisa verzuimt"), "not the school's")
            #expect(!own.body.contains("Huur op tijd betalen"), "no goal its own commitments serve")
            #expect(own.body.contains("Thuis gesproken"), "notes of its own organisation (the case director's)")
            #expect(!own.body.contains("Huurschuld"), "not the plan's context")
            #expect(!own.body.contains("/plan/goals") && !own.body.contains("option value=\"talk\""), "no plan forms")
            let schoolPart = try await mentor.get(page).body
            #expect(schoolPart.contains("Mentorgesprek Lisa") && schoolPart.contains("Lisa verzuimt"))
            #expect(schoolPart.contains("Huur op tijd betalen"), "the goal its commitment serves")
            #expect(!schoolPart.contains("Budgetcursus") && !schoolPart.contains("Thuis gesproken"), "not the others'")
            #expect(try await partner.post("\(page)/plan/goals/\(goal)/remove", []).status == .forbidden)
            let talk = try await partner.post(
                "\(page)/progress", [("progress_kind", "talk"), ("progress_on", today), ("progress_text", "Gesprek")])
            #expect(talk.status == .unprocessableContent && talk.body.contains("legt de regisseur vast"))
            #expect(talk.body.contains(">Gesprek</textarea>"), "the input is kept on the own part")

            let noNote = try await lead.post("\(page)/sharing", [("sharing", "agreed"), ("sharing_note", "")])
            #expect(noNote.status == .unprocessableContent && noNote.body.contains("Schrijf waar en wanneer"))
            #expect(
                try await partner.post("\(page)/sharing", [("sharing", "agreed"), ("sharing_note", "Zelf besloten")])
                    .status == .forbidden, "a partner cannot open the file to itself")
            let agreed = try await lead.post(
                "\(page)/sharing", [("sharing", "agreed"), ("sharing_note", "Casusoverleg \(today), gezin stemt in")])
            #expect(agreed.location == "\(page)?notice=notice.sharing_recorded")
            let whole = try await mentor.get(page).body
            #expect(
                whole.contains("Lisa verzuimt") && whole.contains("Thuis gesproken") && whole.contains("Huurschuld"))
            #expect(try await lead.get(page).body.contains("Casusoverleg \(today), gezin stemt in"))
            let again = try await lead.post("\(page)/sharing", [("sharing", "agreed"), ("sharing_note", "Nogmaals")])
            #expect(again.status == .unprocessableContent && again.body.contains("Dit is al zo vastgelegd."))
            _ = try await lead.post("\(page)/sharing", [("sharing", "ended")])
            #expect(!(try await mentor.get(page).body.contains("Thuis gesproken")), "ended with the next request")

            let rules = try await CaseWorkTests.column(
                harness,
                "SELECT a.action || ':' || a.rule AS v FROM access_log a JOIN users u ON u.id = a.user_id "
                    + "WHERE u.email = 'mentor@test.nl' AND a.household_id = '\(id)' AND a.allowed = true")
            #expect(rules.contains("view_own_part:care_team_own_part"))
            #expect(rules.contains("view_content:care_team_member_with_basis"))
            #expect(!rules.contains("view_content:care_team_own_part"))
            let events = try await CaseWorkTests.column(
                harness, "SELECT kind AS v FROM timeline_events WHERE kind LIKE 'care_team.sharing%' ORDER BY seq")
            #expect(events == [CareTeamSharing.agreedEvent, CareTeamSharing.endedEvent])
        }
    }
}
