import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("Who shares the file: consent with its age rules and withdrawal, and the care team, both effective at once")
struct ConsentTests {
    @Test(
        "On consent a partner reads the case only when every member consented; a withdrawal shuts it at once",
        arguments: TestDatabases.backends)
    func consent(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, _) = try await CaseWorkTests.team(harness, client)
            let id = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
            let page = "/cases/\(id)"
            #expect(try await partner.get(page).status == .ok, "in the care team on a legal task")
            _ = try await director.post("\(page)/lawful-basis", [("basis", "consent"), ("basis_note", "")])
            #expect(try await partner.get(page).status == .forbidden, "no consent for the partner's organisation yet")

            let persons = try await CaseWorkTests.column(
                harness,
                "SELECT m.person_id AS v FROM household_members m JOIN persons p ON p.id = m.person_id ORDER BY p.birth_date"
            )
            let organisation = harness.organisation.id.rawValue
            let today = Day(Date()).dutch
            func consent(_ person: String, _ giver: String, name: String = "") -> [(String, String)] {
                [
                    ("consent_person", person), ("consent_purpose", "care_team"),
                    ("consent_organisation", organisation),
                    ("consent_giver", giver), ("giver_name", name), ("consent_on", today),
                ]
            }
            let child = try await director.post("\(page)/consents", consent(persons[1], "person"))
            #expect(child.status == .unprocessableContent && child.body.contains("Onder 12 jaar beslissen de ouders"))
            let nameless = try await director.post("\(page)/consents", consent(persons[1], "parent"))
            #expect(nameless.body.contains("Noem de ouder of vertegenwoordiger."))
            #expect(try await director.post("\(page)/consents", consent(persons[0], "person")).status == .found)
            #expect(try await partner.get(page).status == .forbidden, "the child has no consent yet")
            #expect(
                try await director.post("\(page)/consents", consent(persons[1], "parent", name: "Kees Jansen")).status
                    == .found)
            #expect(try await partner.get(page).status == .ok, "every member consented")
            #expect(try await director.get(page).body.contains("mag vandaag met"))

            let record = try await CaseWorkTests.column(harness, "SELECT id AS v FROM consents ORDER BY recorded_at")[0]
            #expect(
                try await director.post("\(page)/consents/\(record)/withdraw", [("withdrawn_on", today)]).location
                    == "\(page)?notice=notice.consent_withdrawn")
            #expect(try await partner.get(page).status == .forbidden, "withdrawal narrows sharing from that moment")
            let denials = try await CaseWorkTests.column(
                harness,
                "SELECT rule AS v FROM access_log WHERE allowed = false AND rule = 'no_consent_for_organisation'")
            #expect(denials.count >= 3, "every refusal is in the access log with its rule")
        }
    }

    @Test(
        "A director takes a partner out of the care team: the next request is refused; the director stays",
        arguments: TestDatabases.backends)
    func careTeam(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, caseDirector) = try await CaseWorkTests.team(harness, client)
            let id = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
            let page = "/cases/\(id)"
            _ = try await director.post(
                "\(page)/director",
                [
                    ("director", caseDirector.id.rawValue), ("direction", "casusregie"),
                    ("director_from", Day(Date()).dutch),
                ])
            let file = try await director.get(page).body
            #expect(file.contains("Zorgteam (") && file.contains("informatieronde") && file.contains("regisseur</td>"))
            let partnerID = try await CaseWorkTests.column(
                harness, "SELECT id AS v FROM users WHERE email = 'partner@test.nl'")[0]
            #expect(try await partner.get(page).status == .ok)
            #expect(
                try await director.post("\(page)/care-team/\(partnerID)/remove", []).location
                    == "\(page)?notice=notice.care_team_removed")
            #expect(try await partner.get(page).status == .forbidden, "revoked at once")
            let kept = try await director.post("\(page)/care-team/\(caseDirector.id.rawValue)/remove", [])
            #expect(kept.body.contains("De huidige regisseur blijft in het zorgteam"))
            #expect(try await director.get(page).body.contains("uit het zorgteam gehaald"))
        }
    }
}
