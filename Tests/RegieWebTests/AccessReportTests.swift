import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("The access report a member can ask for: who looked at or changed their data, as a page and as CSV")
struct AccessReportTests {
    @Test(
        "The director produces the report; it lists the partner's reading with the basis; CSV opens in Excel",
        arguments: TestDatabases.backends)
    func report(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, _) = try await CaseWorkTests.team(harness, client)
            let id = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
            #expect(try await partner.get("/cases/\(id)").status == .ok)
            let person = try await CaseWorkTests.column(
                harness,
                "SELECT person_id AS v FROM household_members m JOIN persons p ON p.id = m.person_id "
                    + "ORDER BY p.birth_date")[0]
            let path = "/cases/\(id)/members/\(person)/access-report"
            #expect(try await director.get("/cases/\(id)").body.contains(path))
            let page = try await director.get(path)
            #expect(page.status == .ok && page.body.contains("Kees Jansen, 01-05-1980"))
            #expect(page.body.contains("<td>Partner</td>") && page.body.contains("lid van het zorgteam: eigen deel"))
            #expect(page.body.contains("Eigen deel van het dossier bekeken") && page.body.contains("Dossier bekeken"))
            let csv = try await director.get(path + ".csv")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.body.hasPrefix("\u{FEFF}Wanneer;Wie;Organisatie;Wat;Grond;Noodtoegang\r\n"))
            #expect(csv.body.contains(";Partner;GGD Testregio;Eigen deel van het dossier bekeken;"))
            #expect(try await partner.get(path).status == .forbidden, "a partner cannot take the log out")
            #expect(
                try await director.get("/cases/\(id)/members/\(UUID().uuidString.lowercased())/access-report").status
                    == .notFound)
            let exports = try await CaseWorkTests.column(
                harness, "SELECT action AS v FROM access_log WHERE action = 'export' AND allowed = true")
            #expect(exports.count == 3, "producing the report (page, CSV, the unknown person) is itself logged")
        }
    }

    @Test(
        "A member's data-subject export holds their data as JSON and readable HTML; partners cannot take it",
        arguments: TestDatabases.backends)
    func subjectExport(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, _) = try await CaseWorkTests.team(harness, client)
            let id = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
            let persons = try await CaseWorkTests.column(
                harness,
                "SELECT person_id AS v FROM household_members m JOIN persons p ON p.id = m.person_id "
                    + "ORDER BY p.birth_date")
            _ = try await director.post(
                "/cases/\(id)/assessment",
                [("assess_person", persons[0]), ("assessed_on", Day(Date()).dutch), ("score_wonen", "2")])
            let path = "/cases/\(id)/members/\(persons[0])/export"
            let json = try await director.get(path + ".json")
            #expect(json.headers[.contentType] == "application/json; charset=utf-8")
            let export = try #require(
                try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [String: Any])
            let person = try #require(export["person"] as? [String: Any])
            #expect(person["givenName"] as? String == "Kees" && person["birthDate"] as? String == "01-05-1980")
            let signals = try #require(export["signals"] as? [[String: Any]])
            #expect(signals.first?["description"] as? String == "Huurachterstand, kinderen vaak niet op school")
            #expect((export["scores"] as? [[String: Any]])?.count == 1, "only this person's scores")
            #expect(!((export["access"] as? [[String: Any]]) ?? []).isEmpty)
            let page = try await director.get(path).body
            #expect(page.contains("Alle gegevens over deze persoon") && page.contains("Huurachterstand, kinderen"))
            let child = try await director.get("/cases/\(id)/members/\(persons[1])/export.json").body
            let childExport = try #require(try JSONSerialization.jsonObject(with: Data(child.utf8)) as? [String: Any])
            #expect(
                (childExport["scores"] as? [Any])?.isEmpty == true, "the child's export has no scores of the parent")
            #expect(try await partner.get(path + ".json").status == .forbidden)
        }
    }
}
