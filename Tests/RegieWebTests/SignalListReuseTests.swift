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

    @Test(
        "A line writes its row once per language and norms; after a change the kept lines' rows follow the language",
        arguments: TestDatabases.backends)
    func rowsKeptPerLine(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            let households = try await SignalListPagingTests.signals(2, harness)
            let db = harness.app.database.sql
            let director = try #require(try await UserStore.findForLogin(email: "regisseur@test.nl", on: db)).user
            let actor = AccessActor(
                user: director.id, organisation: director.organisation,
                assignments: [RoleAssignment(role: .networkDirector, network: harness.network.id)])
            let contexts = try await HouseholdStore.accessContexts(households, on: db)
            let grant = try #require(AccessGuard.decide(actor, .viewIntake, contexts: Array(contexts.values)).first)
            let signal = try #require(try await SignalStore.summaries(grant, on: db).first)
            let line = SignalListView.Line(
                signal: signal, grant: grant, outcomeKey: nil, status: .open(due: Day(Date())))
            var written = 0
            func row(_ locale: String, _ override: Int?) -> String {
                var overrides = ProfileOverrides()
                overrides.caseloadMaximum = override
                let key = SignalListView.Line.RowKey(
                    locale: locale, profile: ProfileSettings(code: "enschede", overrides: overrides))
                return line.row(key) {
                    written += 1
                    return "\(locale) \(override ?? 0) \(written)"
                }
            }
            #expect(row("nl", nil) == "nl 0 1")
            #expect(row("nl", nil) == "nl 0 1", "kept")
            #expect(row("en", nil) == "en 0 2", "another language is written")
            #expect(row("nl", 3) == "nl 3 3", "other norms are written")
            #expect(row("en", nil) == "en 0 2" && written == 3)

            // Through the pages: Dutch rows kept, a new signal, then the same lines in English and back.
            var browser = Browser(client)
            _ = try await browser.login("regisseur@test.nl")
            let received = { (locale: String) in
                HTMLEscaping.escape(harness.app.views.translations.text("signal_status.intake", locale))
            }
            let rows = { (page: String, locale: String) in
                page.components(separatedBy: "<td>\(received(locale))</td>").count - 1
            }
            #expect(rows(try await browser.get("/signals?status=open").body, "nl") == 2)
            _ = try await SignalListPagingTests.signals(1, harness, reporter: "nieuw@test.nl")
            #expect(try await browser.post("/account/language", [("locale", "en")]).status == .found)
            let english = try await browser.get("/signals?status=open").body
            #expect(rows(english, "en") == 3 && rows(english, "nl") == 0)
            #expect(try await browser.post("/account/language", [("locale", "nl")]).status == .found)
            #expect(rows(try await browser.get("/signals?status=open").body, "nl") == 3)
        }
    }
}
