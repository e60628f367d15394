import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("Information round and coordination decision")
struct InformationRoundTests {
    @Test(
        "Partners are asked, answer in their inbox, the director sees non-replies, visits and decides",
        arguments: TestDatabases.backends)
    func round(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            let school = try await harness.addShellSchool("Basisschool De Es")
            var partner = Browser(client)
            _ = try await partner.login("partner@test.nl")
            _ = try await partner.post("/signals/new", SignalTests.fields())
            let id = try #require(
                try await harness.app.database.sql.select().column("id").from("signals").first()?
                    .decode(column: "id", as: String.self))
            #expect(try await partner.get("/inbox").body.contains("Er staan geen verzoeken voor u open."))

            var director = Browser(client)
            _ = try await director.login("regisseur@test.nl")
            _ = try await director.post(
                "/signals/\(id)/decision",
                [
                    ("urgency", "normal"), ("safety", "safe"),
                    ("outcome", "coordinate"),
                ])
            let page = try await director.get("/signals/\(id)")
            #expect(page.body.contains("Informatieronde starten") && page.body.contains("Basisschool De Es"))
            #expect(
                try await director.post("/signals/\(id)/information-round", []).body
                    .contains("Kies minstens één partner"))
            let started = try await director.post(
                "/signals/\(id)/information-round",
                [
                    ("organisation", harness.organisation.id.rawValue), ("organisation", school.id.rawValue),
                ])
            #expect(started.location == "/signals/\(id)?notice=notice.information_started")

            let inbox = try await partner.get("/inbox")
            #expect(inbox.body.contains("Kees Jansen") && inbox.body.contains("Lindelaan 12"))
            #expect(!inbox.body.contains("Huurachterstand"), "partners in the round do not see the description")
            let requestID = try #require(inbox.body.firstMatch(of: /action="\/inbox\/([0-9a-f-]{36})"/)?.1)
            let sent = try await partner.post(
                "/inbox/\(requestID)", [("known", "yes"), ("shared", "Huurachterstand sinds maart")])
            #expect(sent.location == "/inbox?notice=notice.answer_sent", "\(sent.status)")
            let answered = try await director.get("/signals/\(id)")
            #expect(answered.body.contains("Bekend: Huurachterstand sinds maart"))
            #expect(answered.body.contains("Nog niet beantwoord"), "the school has not answered yet")

            let badVisit = try await director.post(
                "/signals/\(id)/home-visit",
                [
                    ("visited_on", "32-13-2026"), ("visitors", "Coördinator en GGD"), ("visit_reason", "Geen contact"),
                    ("visit_outcome", ""), ("let_in", "no"),
                ])
            #expect(
                badVisit.status == .unprocessableContent && badVisit.body.contains("Schrijf de datum als dd-mm-jjjj."))
            #expect(badVisit.body.contains("value=\"Coördinator en GGD\""))
            #expect(
                try await director.post(
                    "/signals/\(id)/home-visit",
                    [
                        ("visited_on", Day(Date()).dutch), ("visitors", "Coördinator en GGD"),
                        ("visit_reason", "Geen contact"),
                        ("visit_outcome", "Niet open gedaan; briefje achtergelaten"), ("let_in", "no"),
                    ]
                ).status == .found)
            #expect(try await director.get("/signals/\(id)").body.contains("niet binnengelaten"))

            let noReason = try await director.post("/signals/\(id)/coordination", [("coordination", "open_case")])
            #expect(noReason.body.contains("Licht het besluit toe"))
            #expect(
                try await director.post(
                    "/signals/\(id)/coordination",
                    [
                        ("coordination", "open_case"),
                        ("coordination_reason", "Zorgen op drie leefgebieden, kinderen betrokken"),
                    ]
                ).status == .found)
            let household = try #require(
                try await SignalStore.households(
                    in: harness.network.id,
                    on: harness.app.database.sql
                ).first)
            #expect(try await HouseholdStore.accessContext(household, on: harness.app.database.sql)?.phase == .active)
            let mine = try await partner.get("/my-signals")
            #expect(mine.body.contains("Regie in het netwerk: casus openen"))
            #expect(
                try await partner.get("/inbox").body.contains("Er staan geen verzoeken voor u open."),
                "after the round the request leaves the inbox")
        }
    }
}
