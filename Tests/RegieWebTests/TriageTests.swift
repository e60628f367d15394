import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("Deciding on a signal")
struct TriageTests {
    @Test(
        "The director decides; errors keep the input; the reporter gets the outcome back",
        arguments: TestDatabases.backends)
    func decide(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var partner = Browser(client)
            _ = try await partner.login("partner@test.nl")
            _ = try await partner.post(
                "/signals/new",
                SignalTests.fields(extra: [("person1_custody", "one_parent"), ("person1_measure", "supervision_order")])
            )
            let household = try #require(
                try await SignalStore.households(
                    in: harness.network.id,
                    on: harness.app.database.sql
                ).first)
            let id = try #require(
                try await harness.app.database.sql.select().column("id").from("signals").first()?
                    .decode(column: "id", as: String.self))
            _ = household

            var director = Browser(client)
            _ = try await director.login("regisseur@test.nl")
            let detail = try await director.get("/signals/\(id)")
            #expect(detail.status == .ok && detail.body.contains("Huurachterstand, kinderen vaak niet op school"))
            #expect(detail.body.contains("Zorgen op 3 leefgebieden: dat past bij de richtlijn"))
            #expect(detail.body.contains("Gezag: Eén ouder · Maatregel: Ondertoezichtstelling (OTS)"))
            #expect(detail.body.contains("Besluiten: te behandelen melding?"))
            let missing = try await director.post(
                "/signals/\(id)/decision",
                [
                    ("urgency", "normal"), ("safety", "children_unsafe"), ("outcome", "refer_on"),
                    ("reason", "Past beter"),
                ])
            #expect(missing.status == .unprocessableContent)
            #expect(missing.body.contains("Schrijf op naar wie u doorverwijst."))
            #expect(missing.body.contains("Beschrijf kort wat er onveilig is"))
            #expect(missing.body.contains("Past beter"), "input kept")
            let saved = try await director.post(
                "/signals/\(id)/decision",
                [
                    ("urgency", "normal"), ("safety", "safe"), ("outcome", "refer_on"),
                    ("referred_to", "Wijkteam Noord"), ("reason", "Alleen schulden; wijkteam pakt dit op"),
                ])
            #expect(saved.location == "/signals/\(id)?notice=notice.decision_recorded")
            let after = try await director.get(saved.location!)
            #expect(after.body.contains("Het besluit is vastgelegd.") && after.body.contains("Wijkteam Noord"))
            #expect(!after.body.contains("Besluit vastleggen"), "no second decision form")
            let again = try await director.post(
                "/signals/\(id)/decision",
                [
                    ("urgency", "normal"), ("safety", "safe"), ("outcome", "coordinate"),
                ])
            #expect(again.body.contains("Over deze melding is al besloten."))
            #expect(try await director.get("/signals?status=open").body.contains("Geen meldingen in deze selectie."))
            #expect(try await director.get("/signals?status=all").body.contains("Niet voor dit netwerk: doorverwijzen"))

            let mine = try await partner.get("/my-signals")
            #expect(mine.body.contains("Niet voor dit netwerk: doorverwijzen"))
            #expect(mine.body.contains("Wijkteam Noord — Alleen schulden; wijkteam pakt dit op"))
            let decide = try await partner.post(
                "/signals/\(id)/decision",
                [
                    ("urgency", "normal"), ("safety", "safe"), ("outcome", "coordinate"),
                ])
            #expect(decide.status == .forbidden, "a reporter takes no decisions")
        }
    }

    @Test("A crisis signal in Zwolle shows the 24-hour deadline and records who was sent")
    func crisis() async throws {
        try await Harness.run(.sqlite) { harness, client in
            let zwolle = try await harness.network("Regiegroep Zwolle", profile: "zwolle")
            try await harness.user("adviseur@test.nl", [RoleAssignment(role: .networkDirector, network: zwolle.id)])
            var adviser = Browser(client)
            _ = try await adviser.login("adviseur@test.nl")
            let sent = try await adviser.post(
                "/signals/new",
                SignalTests.fields().filter { $0.0 != "concern" } + [
                    ("concern", "overlast"), ("trigger", "overlast"), ("own_attempt", "Gesprek gevoerd"),
                    ("crisis", "on"),
                ])
            #expect(sent.location?.hasPrefix("/signals") == true)
            let id = try #require(
                try await harness.app.database.sql.select().column("id").from("signals").first()?
                    .decode(column: "id", as: String.self))
            let detail = try await adviser.get("/signals/\(id)")
            #expect(detail.body.contains("Ingrijpen uiterlijk:"))
            #expect(try await adviser.post("/signals/\(id)/crisis", [("service", " ")]).status == .unprocessableContent)
            #expect(
                try await adviser.post(
                    "/signals/\(id)/crisis", [("service", "Crisisdienst GGZ, dienstdoend psychiater")]
                )
                .status == .found)
            #expect(
                try await adviser.get("/signals/\(id)").body.contains("Crisisdienst ingeschakeld: Crisisdienst GGZ"))
        }
    }
}
