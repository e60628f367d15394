import Foundation
import HummingbirdTesting
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("Case list")
struct CaseListTests {
    @Test("A long case list comes in pages of 100, cases without a director first", arguments: TestDatabases.backends)
    func pages(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            let director = try await harness.user(
                "lijst@test.nl", [RoleAssignment(role: .networkDirector, network: harness.network.id)])
            let maker = AccessActor(
                user: director.id, organisation: director.organisation,
                assignments: [RoleAssignment(role: .networkDirector, network: harness.network.id)])
            let network = harness.network.id
            let households = try await harness.app.database.write { tx in
                var made: [HouseholdID] = []
                for number in 0..<105 {
                    let id = try await HouseholdStore.create(
                        network: network, reference: String(format: "LIJST-%03d", number), actor: maker, on: tx)
                    try await TimelineStore.append(
                        TimelineEvent(
                            household: id, network: network, actor: director.id, actorOrganisation: nil,
                            kind: "case.opened", summary: "Casus geopend"), on: tx)
                    made.append(id)
                }
                return made
            }
            var browser = Browser(client)
            _ = try await browser.login("lijst@test.nl")
            let first = try await browser.get("/cases").body
            #expect(first.contains("Pagina 1 van 2 (105 open casussen)"))
            #expect(first.components(separatedBy: "Pagina 1 van 2").count - 1 == 2, "above and below the table")
            #expect(first.contains("105 open casussen zonder regisseur"))
            #expect(first.components(separatedBy: "href=\"/cases/").count - 1 == 100)
            #expect(first.contains("href=\"/cases?pagina=2\""))
            #expect(!first.contains("rel=\"prev\""), "the first page has no previous page to link to")
            var logged = 0
            for household in households {
                logged += try await AccessLogStore.entries(household: household, on: harness.app.database.sql)
                    .filter { $0.action == AccessAction.viewProcess.rawValue }.count
            }
            #expect(logged == 100, "only the page shown is logged")
            let second = try await browser.get("/cases?pagina=2").body
            #expect(second.contains("Pagina 2 van 2") && second.contains("href=\"/cases?pagina=1\""))
            #expect(second.components(separatedBy: "href=\"/cases/").count - 1 == 5)
            #expect(!second.contains("rel=\"next\""), "the last page has no next page to link to")
            #expect(try await browser.get("/cases?pagina=zeven").body.contains("Pagina 1 van 2"))
        }
    }
}
