import Foundation
import HummingbirdTesting
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

/// The dashboard, its CSV and JSON, the cases behind a figure, small-number protection and the inspection page —
/// through the router, on both databases, counted from what the work recorded.
@Suite("Management figures: dashboard, exports, cases behind a figure, suppression and the inspection page")
struct FigureTests {
    /// An adopted case (Jansen) and a second household (Visser) whose signal only needed advice.
    static func world(_ harness: Harness, _ client: any TestClientProtocol) async throws -> (
        director: Browser, policy: Browser, household: String
    ) {
        var (director, partner, _, caseDirector) = try await CaseWorkTests.team(harness, client)
        let (household, _, _) = try await CaseLifeTests.adoptedCase(
            harness, director: &director, partner: &partner, caseDirector: caseDirector)
        _ = try await partner.post("/signals/new", SignalTests.fields(family: "Visser"))
        let signal = try await CaseWorkTests.column(
            harness,
            "SELECT s.id AS v FROM signals s JOIN household_members m ON m.household_id = s.household_id "
                + "JOIN persons p ON p.id = m.person_id WHERE p.family_name = 'Visser' LIMIT 1")[0]
        _ = try await director.post(
            "/signals/\(signal)/decision",
            [("urgency", "normal"), ("safety", "safe"), ("outcome", "advice_only"), ("reason", "Advies gegeven")])
        try await harness.user("beleid@test.nl", [RoleAssignment(role: .policyOfficer, network: harness.network.id)])
        var policy = Browser(client)
        _ = try await policy.login("beleid@test.nl")
        return (director, policy, household)
    }

    @Test(
        "The director's dashboard counts what was recorded; CSV for Dutch Excel and JSON say the same",
        arguments: TestDatabases.backends)
    func dashboard(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, policy, household) = try await Self.world(harness, client)
            let page = try await director.get("/figures")
            #expect(page.status == .ok && page.body.contains("Instroom naar soort melder"))
            #expect(page.body.contains("<svg class=\"chart\"") && page.body.contains("Doorlooptijden"))
            #expect(page.body.contains("/figures/cases?"), "counts link to their cases for the director")
            #expect(page.body.contains("value=\"\(harness.network.id.rawValue)\""), "the network switcher stays intact")
            let json = try await director.get("/figures.json")
            let output = try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [String: Any]
            let figures = output?["figures"] as? [[String: Any]] ?? []
            func rows(_ key: String) -> [String: String] {
                let rows = figures.first { $0["key"] as? String == key }?["rows"] as? [[String: Any]] ?? []
                return Dictionary(uniqueKeysWithValues: rows.map { ($0["code"] as! String, $0["shown"] as! String) })
            }
            #expect(rows("inflow_source") == ["ggd": "2"])
            #expect(rows("inflow_channel") == ["phone": "2"])
            #expect(rows("inflow_area") == ["Noord": "<5"], "areas are always protected")
            #expect(rows("decisions") == ["coordinate": "1", "advice_only": "1"])
            #expect(rows("open_phase") == ["active": "1"], "the advised household is closed")
            #expect(rows("caseload") == ["Probleemhouder": "1"])
            let lead = (output?["leadTimes"] as? [[String: Any]])?.first {
                $0["key"] as? String == "signal_to_decision"
            }
            #expect(
                lead?["count"] as? Int == 2 && lead?["medianDays"] as? Double == 0
                    && lead?["withinNormPercent"] as? Int == 100)

            let csv = try await director.get("/figures.csv?from=01-01-2020&to=\(Day(Date()).dutch)")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.body.hasPrefix("\u{FEFF}Cijfer;Onderdeel;Aantal;Mediaan (dagen);"))
            #expect(csv.body.contains("Instroom naar soort melder;GGD;2;;;\r\n"))
            #expect(csv.body.contains("Melding → besluit;;2;0,0;0;100\r\n"), "decimal comma")

            let link = "/figures/cases?figure=decisions&code=coordinate"
            let cases = try await director.get(link)
            let reference = try await HouseholdStore.reference(
                of: HouseholdID(rawValue: household), on: harness.app.database.sql)
            #expect(cases.status == .ok && cases.body.contains(reference) && cases.body.contains("/cases/\(household)"))
            #expect(try await director.get("/figures/cases?figure=nothing&code=x").status == .notFound)

            let protected = try await policy.get("/figures")
            #expect(
                protected.status == .ok && protected.body.contains("&lt;5")
                    && !protected.body.contains("/figures/cases?"))
            #expect(try await policy.get(link).status == .forbidden, "a policy officer sees no households")
            let policyJSON = try await policy.get("/figures.json").body
            #expect(policyJSON.contains("\"shown\":\"<5\"") && !policyJSON.contains("\"shown\":\"2\""))

            let bad = try await director.get("/figures?from=31-02-2026&to=bla")
            #expect(bad.status == .unprocessableContent && bad.body.contains("value=\"31-02-2026\""))
            #expect(bad.body.contains("Vul een geldige datum in") || bad.body.contains("field-error"))
        }
    }

    @Test(
        "The inspection page shows computed indicators; directors record answers with a document",
        arguments: TestDatabases.backends)
    func inspection(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, policy, _) = try await Self.world(harness, client)
            let page = try await director.get("/inspection")
            #expect(page.status == .ok && page.body.contains("Eén regisseur per huishouden"))
            #expect(page.body.contains("1 van 1 open casussen hebben een regisseur"))
            #expect(page.body.contains("Nog niet vastgelegd."))
            let missing = try await director.post(
                "/inspection/information_covenant",
                [("met", "yes"), ("answered_on", Day(Date()).dutch), ("note", "Zie intranet")])
            #expect(missing.status == .unprocessableContent && missing.body.contains("Noem het document"))
            #expect(missing.body.contains(">Zie intranet</textarea>"), "the input is kept")
            let saved = try await director.post(
                "/inspection/information_covenant",
                [("met", "yes"), ("answered_on", "01-02-2026"), ("document", "Convenant gegevensdeling 2026")])
            #expect(saved.status == .found)
            #expect(
                try await director.get("/inspection").body.contains(
                    "Vastgelegd op 01-02-2026 — Convenant gegevensdeling 2026"))
            #expect(
                try await director.post("/inspection/one_director", [("met", "yes")]).status == .notFound, "computed")
            #expect(try await director.post("/inspection/unknown", [("met", "yes")]).status == .notFound)
            #expect(try await policy.get("/inspection").status == .ok)
            #expect(
                try await policy.post(
                    "/inspection/availability", [("met", "yes"), ("answered_on", "01-02-2026"), ("document", "X")]
                )
                .status == .forbidden)
        }
    }
}
