import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("Pseudonymised mode (Leeuwarden): client numbers instead of names on the conference agenda and minutes")
struct PseudonymisedTests {
    @Test("A client number is stable, derived from the person and carries no name")
    func clientNumber() {
        let id = "3f9a2c51-0d7e-4b1a-9c33-5e2f6a7b8c9d"
        #expect(ClientNumber.of(id) == "K-3F9A2C")
        #expect(ClientNumber.display(name: "Kees Jansen", person: id, pseudonymised: false) == "Kees Jansen")
        #expect(ClientNumber.display(name: "Kees Jansen", person: id, pseudonymised: true) == "K-3F9A2C")
    }

    @Test(
        "In Leeuwarden the conference page shows client numbers; in Enschede names",
        arguments: ["leeuwarden", "enschede"])
    func conference(profile: String) async throws {
        try await Harness.run(.sqlite) { harness, client in
            let network = try await harness.network("Sociaal team \(profile)", profile: profile)
            let lead = try await harness.user(
                "teamleider@test.nl", [RoleAssignment(role: .networkDirector, network: network.id)])
            let worker = try await harness.user(
                "wijk@test.nl", [RoleAssignment(role: .partnerWorker, network: network.id)])
            var director = Browser(client)
            _ = try await director.login("teamleider@test.nl")
            var partner = Browser(client)
            _ = try await partner.login("wijk@test.nl")
            let fields = SignalTests.fields().filter { $0.0 != "concern" } + [("concern", "wonen")]
            #expect(try await partner.post("/signals/new", fields).status == .found)
            let signal = try await CaseWorkTests.column(harness, "SELECT id AS v FROM signals")[0]
            let household = try #require(
                try await SignalStore.household(ofSignal: signal, on: harness.app.database.sql))
            _ = try await director.post(
                "/signals/\(signal)/decision", [("urgency", "normal"), ("safety", "safe"), ("outcome", "coordinate")])
            _ = try await director.post(
                "/signals/\(signal)/information-round", [("organisation", harness.organisation.id.rawValue)])
            _ = try await director.post(
                "/signals/\(signal)/coordination", [("coordination", "open_case"), ("coordination_reason", "Wonen")])
            let person = try await CaseWorkTests.column(
                harness,
                "SELECT m.person_id AS v FROM household_members m JOIN persons p ON p.id = m.person_id "
                    + "ORDER BY p.birth_date")[0]
            let page = "/cases/\(household.rawValue)"
            #expect(
                try await director.post(
                    "\(page)/conferences",
                    [
                        ("conference_day", Day(Date()).dutch), ("conference_time", "10:00"), ("duration", "60"),
                        ("place", "Wijkcentrum"), ("chair", lead.id.rawValue), ("content_lead", worker.id.rawValue),
                        ("member", person),
                    ]
                ).status == .found)
            let meeting = try await CaseWorkTests.column(harness, "SELECT id AS v FROM meetings")[0]
            let body = try await director.get("\(page)/conferences/\(meeting)").body
            if profile == "leeuwarden" {
                #expect(body.contains(ClientNumber.of(person)) && !body.contains("Kees Jansen"))
            } else {
                #expect(body.contains("Kees Jansen") && !body.contains(ClientNumber.of(person)))
            }
        }
    }
}
