import Foundation
import HummingbirdTesting
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

/// Amsterdam's family levels on a case, through the router on both databases: set, escalated past MPG2 (the
/// procesmanager is told and sees the level on the process view, without the reason), de-escalated, refused input
/// kept, and counted per level in the figures.
@Suite("Family levels on the case: up and down, the procesmanager told, process view, figures")
struct FamilyLevelTests {
    @Test(
        "Coordinator sets levels 1 → 3 → 2; the procesmanager is told once and sees levels only",
        arguments: TestDatabases.backends)
    func levels(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, _) = try await CaseWorkTests.team(harness, client)
            let id = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
            let network = harness.network.id.rawValue
            try await harness.app.database.write {
                try await $0.raw("UPDATE networks SET profile_code = 'amsterdam' WHERE id = \(bind: network)").run()
            }
            let manager = try await harness.user(
                "proces@test.nl", [RoleAssignment(role: .processManager, network: harness.network.id)])
            var process = Browser(client)
            _ = try await process.login("proces@test.nl")
            let page = "/cases/\(id)"
            #expect(try await director.get(page).body.contains("Nog geen gezinsniveau vastgesteld."))

            let today = Day(Date()).dutch
            let missing = try await director.post(
                "\(page)/family-level",
                [("family_level", "3"), ("family_level_on", today), ("family_level_reason", "")])
            #expect(missing.status == .unprocessableContent && missing.body.contains("Vul dit veld in."))
            #expect(missing.body.contains("<option value=\"3\" selected>"), "the chosen level is kept")
            #expect(try await CaseWorkTests.column(harness, "SELECT id AS v FROM family_levels").isEmpty)

            for (level, reason) in [
                ("1", "Zorgmijdend gezin, geen indicatie"), ("3", "OTS uitgesproken"),
                ("2", "OTS beëindigd, vrijwillige jeugdzorg"),
            ] {
                #expect(
                    try await director.post(
                        "\(page)/family-level",
                        [("family_level", level), ("family_level_on", today), ("family_level_reason", reason)]
                    ).status == .found)
            }
            let shown = try await director.get(page).body
            #expect(shown.contains("2 — MPG met vrijwillige geïndiceerde jeugdzorg"))
            #expect(shown.contains("omhoog (opgeschaald)") && shown.contains("omlaag (afgeschaald)"))
            #expect(shown.contains("Het proces ligt bij: procesmanager"))
            let same = try await director.post(
                "\(page)/family-level",
                [("family_level", "2"), ("family_level_on", today), ("family_level_reason", "x")])
            #expect(same.body.contains("Het gezin staat al op dit niveau."))

            let told = try await CaseWorkTests.column(
                harness, "SELECT kind AS v FROM notifications WHERE user_id = '\(manager.id.rawValue)'")
            #expect(told == ["family_level"], "told when the family crossed into MPG2+, not again at 3 → 2")
            let view = try await process.get(page).body
            #expect(view.contains("3 — MPG met jeugdbeschermings- of jeugdreclasseringsmaatregel"))
            #expect(!view.contains("OTS uitgesproken"), "the process view shows no reasons")
            #expect(try await process.get("/cases").body.contains("2 · procesmanager"))
            #expect(try await partner.post("\(page)/family-level", [("family_level", "0")]).status == .forbidden)

            let figures = try await director.get("/figures.json").body
            #expect(figures.contains("\"key\":\"family_level\""))
        }
    }
}
