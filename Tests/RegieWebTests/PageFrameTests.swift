import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("Page frame read with the signed-in user")
struct PageFrameTests {
    @Test(
        "The frame's networks are kept under the directory's version and its unread count is read with the user",
        arguments: TestDatabases.backends)
    func frame(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var director = Browser(client)
            _ = try await director.login("regisseur@test.nl")
            let name = harness.network.name
            #expect(try await director.get("/").body.contains(name))
            // Renamed behind the directory's back: the kept networks still show, which is how the frame is read.
            let db = harness.app.database.sql
            let id = harness.network.id.rawValue
            try await harness.app.database.write {
                try await $0.update("networks").set("name", to: SQLBind("Stil hernoemd"))
                    .where("id", .equal, SQLBind(id)).run()
            }
            #expect(try await director.get("/").body.contains(name))
            // Renamed as Regie renames: the directory's version rises and the next page shows the new name.
            var network = try #require(try await NetworkStore.find(harness.network.id, on: db))
            network.name = "Zorgnetwerk Nieuwe Naam"
            let renamed = network
            try await harness.app.database.write { tx in try await NetworkStore.update(renamed, on: tx) }
            let page = try await director.get("/").body
            #expect(page.contains("Zorgnetwerk Nieuwe Naam") && !page.contains(name))

            #expect(!page.contains("overdue-tag\" aria-label=\"ongelezen\""))
            let user = try #require(try await UserStore.findForLogin(email: "regisseur@test.nl", on: db)?.user)
            try await harness.app.database.write { tx in
                try await NotificationStore.notify(
                    [user.id], .deviation, about: nil, network: harness.network.id, reference: "HV-1", link: "/",
                    key: "frame-test", emailing: false, on: tx)
            }
            #expect(try await director.get("/").body.contains("aria-label=\"ongelezen\">1</span>"))
        }
    }
}
