import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("Page header written by Swift")
struct PageHeaderTests {
    /// The menu links a user with `roles` in the current network sees, as the policy decides them.
    private static func expectedLinks(_ roles: Set<Role>) -> Set<String> {
        var links: Set<String> = ["/", "/my-signals", "/notifications"]
        if AccessPolicy.mayUse(.signal, roles: roles) { links.formUnion(["/signals/new", "/who-is-involved"]) }
        if roles.contains(.partnerWorker) || roles.contains(.caseDirector) { links.insert("/inbox") }
        let features: [(NetworkFeature, String)] = [
            (.signalList, "/signals"), (.caseList, "/cases"), (.figures, "/figures"), (.networkMeetings, "/meetings"),
        ]
        for (feature, path) in features where AccessPolicy.mayUse(feature, roles: roles) { links.insert(path) }
        if AccessPolicy.mayUse(.policySignals, roles: roles) && !AccessPolicy.mayUse(.figures, roles: roles) {
            links.insert("/policy-signals")
        }
        return links
    }

    /// The links of the page's menu, and the switcher's options with the one selected.
    private static func header(_ body: String) -> (links: Set<String>, options: [String], selected: String?) {
        guard let menu = body.firstMatch(of: /<nav class="menu"[^>]*>(.*?)<\/nav>/.dotMatchesNewlines()) else {
            return ([], [], nil)
        }
        let links = Set(menu.1.matches(of: /<a href="([^"]+)"/).map { String($0.1) })
        let switcher = body.firstMatch(of: /<select id="network-switch"[^>]*>(.*?)<\/select>/.dotMatchesNewlines())
        let options = switcher.map { $0.1.matches(of: /<option value="[^"]+"( selected)?>([^<]*)<\/option>/) } ?? []
        return (
            links, options.map { String($0.2) }, options.first { $0.1 != nil }.map { String($0.2) }
        )
    }

    @Test(
        "Each role sees the menu the access policy gives it, on error pages too, and nothing else",
        arguments: TestDatabases.backends)
    func menuFollowsPolicy(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            let network = harness.network.id
            for role in Role.allCases where role != .administrator {
                let email = "\(role.rawValue)@menu.test"
                try await harness.user(email, [RoleAssignment(role: role, network: network)])
                var browser = Browser(client)
                _ = try await browser.login(email)
                let shown = Self.header(try await browser.get("/").body)
                #expect(shown.links == Self.expectedLinks([role]), "\(role)")
                #expect(shown.options == [harness.network.name] && shown.selected == harness.network.name)
                let missing = try await browser.get("/cases/\(UUID().uuidString.lowercased())")
                let onError = Self.header(missing.body)
                #expect(missing.status == .notFound && onError.links == Self.expectedLinks([role]), "\(role), 404")
                #expect(onError.selected == harness.network.name, "\(role), 404")
                // An address no route knows: the same page and the same top bar, not a bare one.
                let unknown = try await browser.get("/bestaat-niet/\(role.rawValue)")
                #expect(unknown.status == .notFound && Self.header(unknown.body).links == Self.expectedLinks([role]))
                #expect(
                    unknown.body.contains("<h1>Niet gevonden</h1>")
                        && Self.header(unknown.body).selected == harness.network.name)
            }
            // Signed out, the unknown address gets the page without a menu; a form posted there and the API's unknown
            // addresses keep their plain answers (no CSRF check before the 404, JSON for the API).
            var stranger = Browser(client)
            let outside = try await stranger.get("/bestaat-niet")
            #expect(outside.status == .notFound && Self.header(outside.body).links.isEmpty)
            var signedIn = Browser(client)
            _ = try await signedIn.login("\(Role.caseDirector.rawValue)@menu.test")
            #expect(try await signedIn.post("/bestaat-niet", [("a", "b")], csrf: false).status == .notFound)
            let api = try await signedIn.get("/api/v1/bestaat-niet")
            #expect(api.status == .notFound && api.headers[.contentType]?.hasPrefix("application/json") == true)
            // The stylesheet is served by the file middleware, which only looks when no route answers.
            let stylesheet = try await signedIn.get("/static/regie.css")
            #expect(stylesheet.status == .ok && stylesheet.headers[.contentType]?.hasPrefix("text/css") == true)
            #expect(try await signedIn.get("/static/bestaat-niet.css").status == .notFound)
            var administrator = Browser(client)
            _ = try await administrator.login("beheer@test.nl")
            let links = Self.header(try await administrator.get("/").body).links
            #expect(links.contains("/admin/users") && !links.contains("/cases"))
        }
    }

    @Test(
        "Names are escaped, and a page's own list of networks stays out of the switcher",
        arguments: TestDatabases.backends)
    func escapedAndOwnNetworks(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            let second = try await harness.network("Netwerk <Twee> & Co", profile: "enschede")
            let third = try await harness.network("Netwerk Drie", profile: "enschede")
            try await harness.app.accounts.createUser(
                .init(
                    name: "Anne \"de\" <b>Vries</b>", email: "anne@test.nl", organisation: harness.organisation.id,
                    password: Harness.password,
                    roles: [
                        RoleAssignment(role: .networkDirector, network: harness.network.id),
                        RoleAssignment(role: .networkDirector, network: second.id),
                    ]), by: nil)
            var anne = Browser(client)
            _ = try await anne.login("anne@test.nl")
            let page = try await anne.get("/").body
            let shown = Self.header(page)
            #expect(Set(shown.options) == [harness.network.name, "Netwerk &lt;Twee&gt; &amp; Co"])
            #expect(page.contains("Anne &quot;de&quot; &lt;b&gt;Vries&lt;/b&gt;</a>") && !page.contains("<b>Vries"))
            #expect(page.contains("<span class=\"who-org\">GGD Testregio</span>"))

            // The administration lists every network itself; the switcher still marks the one worked in.
            var administrator = Browser(client)
            _ = try await administrator.login("beheer@test.nl")
            #expect(try await administrator.post("/network", [("network", third.id.rawValue)]).status == .found)
            let admin = Self.header(try await administrator.get("/admin/networks").body)
            #expect(admin.options.count == 3 && admin.selected == "Netwerk Drie")
        }
    }
}
