import Foundation
import HTTPTypes
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("Text limit: every text on a case holds at most 10,000 characters, whatever client sends it")
struct CaseTextLimitTests {
    @Test(
        "A too long text is refused with a Dutch message, the input kept and nothing stored",
        arguments: TestDatabases.backends)
    func tooLong(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, _) = try await CaseWorkTests.team(harness, client)
            let id = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
            let long = String(repeating: "x", count: TextLimit.characters + 1)
            let page = try await director.post(
                "/cases/\(id)/network",
                [("kind", "strength"), ("network_name", "Zus"), ("network_description", long)])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("Deze tekst is te lang (hoogstens 10.000 tekens)."))
            #expect(page.body.contains(long), "the input is kept to shorten")
            #expect(try await CaseWorkTests.column(harness, "SELECT name AS v FROM informal_network").isEmpty)
            let exact = String(repeating: "x", count: TextLimit.characters)
            #expect(
                try await director.post(
                    "/cases/\(id)/network",
                    [("kind", "strength"), ("network_name", "Zus"), ("network_description", exact)]
                ).status == .found)
        }
    }
}
