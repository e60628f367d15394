import Foundation
import HummingbirdTesting
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("A case through the API")
struct CaseApiTests {
    @Test(
        "A director reads the case with its plan, commitments and monitoring; others are refused and logged",
        arguments: TestDatabases.backends)
    func caseWithPlan(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, caseDirector) = try await CaseWorkTests.team(harness, client)
            let id = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
            let page = "/cases/\(id)"
            let today = Day(Date())
            _ = try await director.post(
                "\(page)/director",
                [("director", caseDirector.id.rawValue), ("direction", "casusregie"), ("director_from", today.dutch)])
            let persons = try await CaseWorkTests.column(
                harness, "SELECT person_id AS v FROM household_members WHERE household_id = '\(id)'")
            _ = try await director.post("\(page)/plan", [("context", "Huurschuld")])
            _ = try await director.post(
                "\(page)/plan/goals",
                [
                    ("goal_domain", "wonen"), ("goal_person", persons[0]), ("goal_description", "Huur op tijd betalen"),
                    ("goal_target", today.adding(days: 90).dutch),
                ])
            let partnerID = try await CaseWorkTests.column(
                harness, "SELECT id AS v FROM users WHERE email = 'partner@test.nl'")[0]
            let late = today.adding(days: -3)
            _ = try await director.post(
                "\(page)/commitments",
                [
                    ("commitment_owner", partnerID), ("commitment_description", "Budgetcursus aanbieden"),
                    ("commitment_due", late.dutch),
                ])

            let api = IntakeApiTests.Api(client: client, token: try await director.createToken("Regiesysteem"))
            let (status, body) = try await api.call(.get, "/api/v1/cases/\(id)")
            #expect(status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            #expect(json["household"] as? String == id && json["phase"] as? String == "active")
            #expect(json["network"] as? String == harness.network.id.rawValue)
            let directors = try #require(json["directors"] as? [[String: Any]])
            #expect(directors.map { $0["user"] as? String } == [caseDirector.id.rawValue])
            #expect((json["members"] as? [[String: Any]])?.count == persons.count)
            let plan = try #require(json["plan"] as? [String: Any])
            #expect(plan["status"] as? String == "concept" && plan["version"] as? Int == 1)
            let goals = try #require(plan["goals"] as? [[String: Any]])
            #expect(goals.map { $0["description"] as? String } == ["Huur op tijd betalen"])
            #expect(goals.first?["persons"] as? [String] == [persons[0]])
            #expect(goals.first?["targetOn"] as? String == today.adding(days: 90).iso)
            let commitments = try #require(json["commitments"] as? [[String: Any]])
            #expect(commitments.count == 1)
            #expect(commitments.first?["person"] as? String == partnerID)
            #expect(commitments.first?["dueOn"] as? String == late.iso)
            #expect(commitments.first?["attention"] as? String == "overdue")
            let monitoring = try #require(json["monitoring"] as? [String: Any])
            #expect(monitoring["stalled"] as? Bool != nil && monitoring["evaluationsDue"] is [Any])

            // The partner is in the care team for their commitment but may not see the whole file.
            let partnerApi = IntakeApiTests.Api(client: client, token: try await partner.createToken("Partnersysteem"))
            let (refused, refusedBody) = try await partnerApi.call(.get, "/api/v1/cases/\(id)")
            #expect(refused == .forbidden && !refusedBody.contains("Huur op tijd"))
            let refusals = try await CaseWorkTests.column(
                harness,
                "SELECT a.action || ':' || a.rule AS v FROM access_log_by_household a JOIN users u ON u.id = a.user_id "
                    + "WHERE u.email = 'partner@test.nl' AND a.household_id = '\(id)' AND a.allowed = false")
            #expect(refusals.count == 1 && refusals.first?.hasPrefix("view_content:") == true, "\(refusals)")

            #expect(try await api.call(.get, "/api/v1/cases/\(UUID().uuidString.lowercased())").0 == .notFound)
            #expect(try await api.call(.get, "/api/v1/cases/geen-id").0 == .notFound)
            let anonymous = try await client.execute(uri: "/api/v1/cases/\(id)", method: .get)
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("Every role × care team × phase gets the case exactly when the policy lets it see the whole file")
    func matrix() async throws {
        try await Harness.run(.sqlite) { harness, client in
            let world = try await MatrixWorld.make(harness, client)
            var mismatches: [String] = []
            var seen: Set<UInt> = []
            for (name, user) in world.users.sorted(by: { $0.key < $1.key }) {
                var browser = user.browser
                let api = IntakeApiTests.Api(client: client, token: try await browser.createToken("Systeem \(name)"))
                for (phase, household) in world.households.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    let expected = try await world.expectation(.action(.viewContent), user: user, household: household)
                    let status = try await api.call(.get, "/api/v1/cases/\(household.rawValue)").0
                    seen.insert(UInt(status.code))
                    let ok = expected.matches(status) && (status == .ok || status == .forbidden)
                    if !ok {
                        mismatches.append("\(name) · \(phase.rawValue): got \(status.code), expected \(expected)")
                    }
                }
            }
            #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
            #expect(seen == [200, 403], "both answers occur among the roles")
        }
    }
}
