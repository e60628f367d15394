import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("Warm hand-over of a household that moved to another network in Regie")
struct HandoverTests {
    @Test(
        "The receiving network sees only the move, accepts it into its intake with the summary, the sender hears back",
        arguments: TestDatabases.backends)
    func accept(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            let hengelo = try await harness.network("Sociaal team Hengelo", profile: "routekaart")
            _ = try await harness.user("hengelo@test.nl", [RoleAssignment(role: .networkDirector, network: hengelo.id)])
            var (director, partner, _, caseDirector) = try await CaseWorkTests.team(harness, client)
            let (id, _, _) = try await CaseLifeTests.adoptedCase(
                harness, director: &director, partner: &partner, caseDirector: caseDirector)
            let page = "/cases/\(id)"
            let closing: [(String, String)] = [
                ("closure_reason", "moved"), ("closed_on", Day(Date()).dutch), ("safety_check", "safe"),
                ("closure_safety_note", "Kinderen veilig, school is ingelicht"), ("destination", "Hengelo"),
            ]
            let wrong = try await director.post(
                "\(page)/closure",
                closing.map { $0.0 == "closure_reason" ? ($0.0, "self_reliant") : $0 } + [
                    ("receiving_network", hengelo.id.rawValue)
                ])
            #expect(wrong.status == .unprocessableContent && wrong.body.contains("alleen bij de reden Verhuisd"))
            #expect(
                try await director.post("\(page)/closure", closing + [("receiving_network", hengelo.id.rawValue)])
                    .status == .found)
            #expect(try await director.get(page).body.contains("Sociaal team Hengelo — aangeboden op"))

            var receiver = Browser(client)
            _ = try await receiver.login("hengelo@test.nl")
            let home = try await receiver.get("/").body
            #expect(home.contains("Warme overdracht accepteren"))
            let offer = try await CaseWorkTests.column(harness, "SELECT id AS v FROM handovers")[0]
            let before = try await receiver.get("/handovers/\(offer)")
            #expect(before.status == .ok && before.body.contains("Testnetwerk"))
            #expect(!before.body.contains("Kees") && !before.body.contains("Huur op tijd"), "nothing before acceptance")
            #expect(try await partner.get("/handovers/\(offer)").status == .forbidden)

            let accepted = try await receiver.post("/handovers/\(offer)/accept", [])
            let signal = try #require(accepted.location?.firstMatch(of: /\/signals\/([0-9a-f-]{36})/)?.1)
            let detail = try await receiver.get("/signals/\(signal)").body
            #expect(detail.contains("Kees") && detail.contains("Huur op tijd betalen"), "members and summary arrive")
            #expect(detail.contains("Kinderen veilig, school is ingelicht"))
            #expect(
                try await SignalStore.households(in: hengelo.id, on: harness.app.database.sql).count == 1,
                "a household of its own in the receiving network")
            #expect(try await receiver.post("/handovers/\(offer)/accept", []).status == .conflict, "accepted once")
            #expect(!(try await receiver.get("/").body.contains("Warme overdracht accepteren")), "off the worklist")
            #expect(try await director.get(page).body.contains("Sociaal team Hengelo — geaccepteerd"))
            #expect(try await director.get("/notifications").body.contains("Antwoord op een warme overdracht"))
        }
    }

    @Test("Declining needs a reason, which the sending case shows")
    func decline() async throws {
        try await Harness.run(.sqlite) { harness, client in
            let hengelo = try await harness.network("Sociaal team Hengelo", profile: "routekaart")
            _ = try await harness.user("hengelo@test.nl", [RoleAssignment(role: .networkDirector, network: hengelo.id)])
            var (director, partner, _, caseDirector) = try await CaseWorkTests.team(harness, client)
            let (id, _, _) = try await CaseLifeTests.adoptedCase(
                harness, director: &director, partner: &partner, caseDirector: caseDirector)
            _ = try await director.post(
                "/cases/\(id)/closure",
                [
                    ("closure_reason", "moved"), ("closed_on", Day(Date()).dutch), ("safety_check", "safe"),
                    ("closure_safety_note", "Veilig"), ("destination", "Hengelo"),
                    ("receiving_network", hengelo.id.rawValue),
                ])
            let offer = try await CaseWorkTests.column(harness, "SELECT id AS v FROM handovers")[0]
            var receiver = Browser(client)
            _ = try await receiver.login("hengelo@test.nl")
            let empty = try await receiver.post("/handovers/\(offer)/decline", [("decline_reason", " ")])
            #expect(empty.status == .unprocessableContent && empty.body.contains("Vul dit veld in."))
            #expect(
                try await receiver.post("/handovers/\(offer)/decline", [("decline_reason", "Woont buiten ons gebied")])
                    .status == .found)
            #expect(try await director.get("/cases/\(id)").body.contains("afgewezen: Woont buiten ons gebied"))
            #expect(try await SignalStore.households(in: hengelo.id, on: harness.app.database.sql).isEmpty)
        }
    }
}
