import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("Who is involved, kept under the household's and the directory's version")
struct InvolvementCacheTests {
    @Test(
        "The involved organisations are kept, and follow a new reporter and a renamed organisation at once",
        arguments: TestDatabases.backends)
    func kept(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (teacher, school) = try await InvolvementTests.teacherAsking(harness, client)
            let ask = "/who-is-involved?bsn=111222333"
            /// The organisations cell of each household found (the page's frame names the user's own organisation).
            func involved() async throws -> [String] {
                let body = try await teacher.get(ask).body
                return body.components(separatedBy: "</td></tr>").dropLast().map {
                    String($0.components(separatedBy: "<td>").last ?? "")
                }
            }
            #expect(try await involved() == ["GGD Testregio"])

            // Renamed behind the directory's back: the kept answer still shows, which is how it is read.
            let organisation = harness.organisation.id.rawValue
            try await harness.app.database.write {
                try await $0.update("organisations").set("name", to: SQLBind("Stil hernoemd"))
                    .where("id", .equal, SQLBind(organisation)).run()
            }
            #expect(try await involved() == ["GGD Testregio"])

            // The school signals the same person: the household's version rises and the school is involved too.
            let fields = SignalTests.fields(extra: [("person0_bsn", "111222333")])
            let proposed = try await teacher.post("/signals/new", fields).body
            let person = try #require(proposed.firstMatch(of: /name="person0_choice" value="([0-9a-f-]{36})"/)?.1)
            let child = try #require(proposed.firstMatch(of: /name="person1_choice" value="([0-9a-f-]{36})"/)?.1)
            let joining = fields + [("person0_choice", String(person)), ("person1_choice", String(child))]
            #expect(try await teacher.post("/signals/new", joining).status == .found)
            let joined = try await involved()
            #expect(joined == ["Basisschool Test, Stil hernoemd"])

            // Renamed as Regie renames: the directory's version rises and the next answer has the new name.
            var renamed = school
            renamed.name = "Kindcentrum De Linde"
            try await harness.app.accounts.updateOrganisation(renamed, by: nil)
            #expect(try await involved() == ["Kindcentrum De Linde, Stil hernoemd"])
        }
    }
}
