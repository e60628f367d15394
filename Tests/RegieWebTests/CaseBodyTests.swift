import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("CaseBody")
struct CaseBodyTests {
    @Test("The form token goes wherever the mark stands, and nowhere else")
    func fillIn() {
        let mark = CaseBody.tokenMark
        #expect(CaseBody.fillIn("T", into: "\(mark)a\(mark)b~c\(mark)") == "TaTb~cT")
        #expect(CaseBody.fillIn("T", into: "geen ~ teken ~csrf~ hier") == "geen ~ teken ~csrf~ hier")
        #expect(CaseBody.fillIn("T", into: "~" + mark.dropLast()) == "~" + mark.dropLast())
        #expect(CaseBody.fillIn("T", into: "é \(mark) ü") == "é T ü")
        #expect(CaseBody.fillIn("T", into: "") == "")
    }

    @Test(
        "Two directors share one kept body, each with their own form token; a partner who may do less gets another",
        arguments: TestDatabases.backends)
    func sharedByPermissions(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (id, director, partner, _) = try await CaseFactsCacheTests.sharedCase(harness, client)
            let page = "/cases/\(id)"
            _ = try await harness.user(
                "tweede.regisseur@test.nl", [RoleAssignment(role: .networkDirector, network: harness.network.id)])
            var second = Browser(client)
            _ = try await second.login("tweede.regisseur@test.nl")

            let kept = harness.app.caseBodies.count
            let first = try await director.get(page).body
            let other = try await second.get(page).body
            #expect(harness.app.caseBodies.count == kept + 1, "equal permissions, one body")
            for (body, browser) in [(first, director), (other, second)] {
                let token = try #require(browser.cookies["regie_csrf"])
                #expect(body.contains("name=\"_csrf\" value=\"\(token)\""))
                #expect(!body.contains(CaseBody.tokenMark))
            }
            #expect(director.cookies["regie_csrf"] != second.cookies["regie_csrf"])

            let decideForm = "action=\"/cases/\(id)/director\""
            #expect(first.contains(decideForm) && other.contains(decideForm))
            let shared = try await partner.get(page).body
            #expect(harness.app.caseBodies.count == kept + 2, "a partner may do less: a body of its own")
            #expect(!shared.contains(decideForm))
        }
    }

    @Test(
        "A refused form shows its input and problems, is not kept, and the next plain view shows the file as stored",
        arguments: TestDatabases.backends)
    func refusedFormNotKept(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, _) = try await CaseWorkTests.team(harness, client)
            let id = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
            let page = "/cases/\(id)"
            _ = try await director.get(page)
            let kept = harness.app.caseBodies.count
            let refused = try await director.post(
                "\(page)/lawful-basis", [("basis", "other"), ("basis_note", "")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("class=\"field-error\""))
            #expect(harness.app.caseBodies.count == kept)
            let plain = try await director.get(page).body
            #expect(!plain.contains("class=\"field-error\""))
            #expect(plain.contains("Wmo"), "the stored note, not the refused input")
        }
    }
}
