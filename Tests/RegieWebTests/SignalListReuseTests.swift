import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("Signal list taken over from its earlier derivation")
struct SignalListReuseTests {
    @Test(
        "A decision, a renamed reporter and a new signal each show at once, with the unchanged households kept",
        arguments: TestDatabases.backends)
    func followsChanges(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            let households = try await SignalListPagingTests.signals(3, harness)
            let db = harness.app.database.sql
            var ids: [String] = []
            for household in households {
                ids.append(
                    try #require(
                        try await db.select().column("id").from("signals")
                            .where("household_id", .equal, SQLBind(household.rawValue)).first()?
                            .decode(column: "id", as: String.self)))
            }
            var director = Browser(client)
            _ = try await director.login("regisseur@test.nl")
            let first = try await director.get("/signals?status=open").body
            #expect(ids.allSatisfy { first.contains("/signals/\($0)\"") })
            _ = try await director.get("/signals?status=all")

            // A decision moves one household on: it leaves the open list and shows as decided in the whole list.
            _ = try await director.post(
                "/signals/\(ids[0])/decision", [("urgency", "normal"), ("safety", "safe"), ("outcome", "coordinate")])
            let open = try await director.get("/signals?status=open").body
            #expect(!open.contains("/signals/\(ids[0])\"") && open.contains("/signals/\(ids[1])\""))
            #expect(open.contains("/signals/\(ids[2])\""))
            let all = try await director.get("/signals?status=all").body
            #expect(ids.allSatisfy { all.contains("/signals/\($0)\"") })
            #expect(all.components(separatedBy: "<td>—</td>").count == 2, "the decided signal has no age any more")

            // A renamed reporter changes no household's version, only the directory's: every kept line goes.
            let reporter = try #require(try await UserStore.findForLogin(email: "melder@test.nl", on: db)).user
            try await harness.app.database.write { tx in
                var renamed = reporter
                renamed.name = "Melder Hernoemd"
                try await UserStore.update(renamed, on: tx)
            }
            let renamed = try await director.get("/signals?status=open").body
            #expect(renamed.components(separatedBy: "<td>Melder Hernoemd<br>").count == 3)
            #expect(!renamed.contains("<td>Melder<br>"))

            // A new signal joins the list beside the kept ones.
            let added = try #require(
                try await SignalListPagingTests.signals(1, harness, reporter: "nieuw@test.nl").first)
            let newest = try await director.get("/signals?status=open").body
            let addedSignal = try #require(
                try await db.select().column("id").from("signals")
                    .where("household_id", .equal, SQLBind(added.rawValue)).first()?
                    .decode(column: "id", as: String.self))
            #expect(SignalListPagingTests.shown(newest) == 3)
            #expect(newest.contains("/signals/\(addedSignal)\"") && newest.contains("/signals/\(ids[2])\""))
        }
    }
}
