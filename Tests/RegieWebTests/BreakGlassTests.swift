import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("Break-glass: a refused director opens a file with a reason; it is flagged and reviewed")
struct BreakGlassTests {
    @Test(
        "A case director outside the care team reads with a reason; the network director reviews it once",
        arguments: TestDatabases.backends)
    func breakGlass(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, lead, _) = try await CaseWorkTests.team(harness, client)
            let id = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
            let page = "/cases/\(id)"
            let refused = try await lead.get(page)
            #expect(refused.status == .forbidden && refused.body.contains("Dossier openen met noodtoegang"))
            #expect(refused.body.contains("niet in het zorgteam"))
            let short = try await lead.post("\(page)/break-glass", [("break_glass_reason", "nodig")])
            #expect(short.status == .unprocessableContent && short.body.contains("minstens 15 tekens"))
            #expect(short.body.contains(">nodig</textarea>"), "the reason is kept")
            let opened = try await lead.post(
                "\(page)/break-glass", [("break_glass_reason", "Politie belt: acute zorg om de kinderen vannacht")])
            #expect(opened.status == .ok && opened.body.contains("met noodtoegang"))
            #expect(
                opened.body.contains("Kees Jansen") && !opened.body.contains("action=\"/cases/\(id)/plan\""),
                "read only")
            #expect(try await lead.get(page).status == .forbidden, "for that one reading only")
            #expect(try await partner.get(page).status == .ok)
            #expect(
                try await partner.post("\(page)/break-glass", [("break_glass_reason", "Ik wil het hele dossier zien")])
                    .status == .forbidden, "a partner's own part is not a reason to break the glass")
            let allowed = try await director.post(
                "\(page)/break-glass", [("break_glass_reason", "Ik wil even meekijken hoor")])
            #expect(
                allowed.status == .ok && !allowed.body.contains("met noodtoegang"),
                "where the rules already allow it, no flag")
            let flagged = try await CaseWorkTests.column(
                harness, "SELECT break_glass_reason AS v FROM access_log WHERE break_glass = true")
            #expect(flagged == ["Politie belt: acute zorg om de kinderen vannacht"])

            #expect(try await director.get("/").body.contains("Noodtoegang beoordelen"))
            let list = try await director.get("/access/break-glass").body
            #expect(list.contains("Probleemhouder") && list.contains("Politie belt"))
            #expect(try await lead.get("/access/break-glass").status == .forbidden)
            let entry = try await CaseWorkTests.column(
                harness, "SELECT id AS v FROM access_log WHERE break_glass = true")[0]
            #expect(
                try await director.post(
                    "/access/break-glass/\(entry)/review", [("justified", "yes"), ("review_note", "")]
                )
                .status == .found)
            #expect(!(try await director.get("/").body.contains("Noodtoegang beoordelen")))
            #expect(
                try await director.post("/access/break-glass/\(entry)/review", [("justified", "yes")]).status
                    == .conflict)
        }
    }
}
