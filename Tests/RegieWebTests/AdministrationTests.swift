import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("Administration of organisations, networks and users")
struct AdministrationTests {
    @Test("Only administrators reach the administration pages")
    func onlyAdministrators() async throws {
        try await Harness.run(.sqlite) { _, client in
            var director = Browser(client)
            _ = try await director.login("regisseur@test.nl")
            for path in ["/admin/users", "/admin/organisations", "/admin/networks/new"] {
                let page = try await director.get(path)
                #expect(page.status == .forbidden && page.body.contains("geen toegang"), "\(path)")
                #expect(page.body.contains("<h1>Geen toegang</h1>"), "\(path)")
            }
            var anonymous = Browser(client)
            #expect(try await anonymous.get("/admin/users").location == "/login?next=%2Fadmin%2Fusers")
        }
    }

    @Test(
        "An administrator adds an organisation; a bad form keeps the input and explains in Dutch",
        arguments: TestDatabases.backends)
    func organisation(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var admin = Browser(client)
            _ = try await admin.login("beheer@test.nl")
            let empty = try await admin.post(
                "/admin/organisations/new", [("name", "  "), ("kind", "police"), ("active", "on")])
            #expect(empty.status == .unprocessableContent && empty.body.contains("Vul dit veld in."))
            let duplicate = try await admin.post(
                "/admin/organisations/new",
                [("name", "GGD Testregio"), ("kind", "school"), ("active", "on")])
            #expect(
                duplicate.body.contains("Deze naam bestaat al.") && duplicate.body.contains("value=\"GGD Testregio\""))
            #expect(duplicate.body.contains("value=\"school\" selected"))
            let saved = try await admin.post(
                "/admin/organisations/new",
                [("name", "Politie <Noord>"), ("kind", "police"), ("active", "on")])
            #expect(saved.location == "/admin/organisations?notice=notice.saved")
            let list = try await admin.get(saved.location!)
            #expect(list.body.contains("Politie &lt;Noord&gt;") && list.body.contains("Opgeslagen."))
            let log = try await AdminLogStore.recent(on: harness.app.database.sql)
            #expect(log.contains { $0.entity == "organisation" && $0.details.contains("Politie <Noord>") })
        }
    }

    @Test("An administrator creates a user with roles; errors name the field", arguments: TestDatabases.backends)
    func user(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var admin = Browser(client)
            _ = try await admin.login("beheer@test.nl")
            let role = "case_director@\(harness.network.id)"
            let bad = try await admin.post(
                "/admin/users/new",
                [
                    ("name", "Carla"), ("email", "regisseur@test.nl"),
                    ("organisation", harness.organisation.id.rawValue),
                    ("password", "kort"), ("locale", "nl"), ("role", role), ("active", "on"),
                ])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("Een wachtwoord heeft minstens 12 tekens."))
            #expect(bad.body.contains("value=\"Carla\""))
            let taken = try await admin.post(
                "/admin/users/new",
                [
                    ("name", "Carla"), ("email", "regisseur@test.nl"),
                    ("organisation", harness.organisation.id.rawValue),
                    ("password", Harness.password), ("locale", "nl"), ("role", role), ("active", "on"),
                ])
            #expect(taken.body.contains("Er is al een gebruiker met dit e-mailadres."))
            let saved = try await admin.post(
                "/admin/users/new",
                [
                    ("name", "Carla Casus"), ("email", "Carla@Test.nl"),
                    ("organisation", harness.organisation.id.rawValue),
                    ("password", Harness.password), ("locale", "en"), ("role", role), ("active", "on"),
                ])
            #expect(saved.status == .found)
            var carla = Browser(client)
            #expect(try await carla.login("carla@test.nl").location == "/")
            let home = try await carla.get("/")
            #expect(home.body.contains("Welcome, Carla Casus") && home.body.contains("lang=\"en\""))
            #expect(home.body.contains("probleemhouder"))
        }
    }

    @Test("An administrator creates a network with a profile and partners")
    func network() async throws {
        try await Harness.run(.sqlite) { harness, client in
            var admin = Browser(client)
            _ = try await admin.login("beheer@test.nl")
            let noProfile = try await admin.post(
                "/admin/networks/new",
                [
                    ("name", "Sociaal team Oost"),
                    ("municipality", "Leeuwarden"),
                ])
            #expect(
                noProfile.status == .unprocessableContent && noProfile.body.contains("Kies een van de mogelijkheden."))
            let saved = try await admin.post(
                "/admin/networks/new",
                [
                    ("name", "Sociaal team Oost"), ("municipality", "Leeuwarden"),
                    ("neighbourhoods", "Oost, Vrijheidswijk"),
                    ("profile", "leeuwarden"), ("member_\(harness.organisation.id)", "shell"), ("active", "on"),
                ])
            #expect(saved.status == .found)
            let network = try #require(
                try await NetworkStore.find(name: "Sociaal team Oost", on: harness.app.database.sql))
            #expect(network.neighbourhoods == ["Oost", "Vrijheidswijk"] && network.profileCode == "leeuwarden")
            #expect(
                try await NetworkStore.members(of: network.id, on: harness.app.database.sql).map(\.partnerType) == [
                    .shell
                ])
        }
    }
}
