import Foundation
import HTTPTypes
import RegieCore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("Security headers, error pages, translations")
struct PageSafetyTests {
    @Test("Every page carries the security headers and is not cached")
    func headers() async throws {
        try await Harness.run(.sqlite) { _, client in
            var browser = Browser(client)
            let page = try await browser.get("/login")
            let csp = try #require(page.headers[.contentSecurityPolicy])
            #expect(
                csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'")
                    && !csp.contains("unsafe-inline"))
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
            #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            #expect(page.headers[.cacheControl] == "no-store")
            let csrf = try #require(page.headers[values: .setCookie].first { $0.hasPrefix("regie_csrf=") })
            #expect(csrf.contains("HttpOnly") && csrf.contains("SameSite=Strict"))
        }
    }

    @Test("Secure cookies and HSTS when served over HTTPS")
    func https() async throws {
        try await Harness.run(.sqlite, configure: { $0.secureCookies = true }) { _, client in
            var browser = Browser(client)
            let page = try await browser.get("/login")
            #expect(page.headers[.strictTransportSecurity] != nil)
            #expect(page.headers[values: .setCookie].allSatisfy { $0.contains("Secure") })
        }
    }

    @Test("Unknown pages get a plain Dutch page with a reference, no internals")
    func notFound() async throws {
        try await Harness.run(.sqlite) { _, client in
            var browser = Browser(client)
            _ = try await browser.login("regisseur@test.nl")
            let page = try await browser.get("/admin/organisations/niet-bestaand")
            #expect(page.status == .forbidden || page.status == .notFound)
            let missing = try await browser.get("/bestaat-niet")
            #expect(missing.status == .notFound && missing.body.contains("bestaat niet"))
            #expect(missing.body.contains("Kenmerk voor de helpdesk"))
        }
    }

    @Test("The English table has every Dutch key, and every key a template uses exists")
    func translations() throws {
        let translations = try Translations.bundled()
        #expect(translations.inconsistentKeys.isEmpty, "\(translations.inconsistentKeys)")
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/RegieWeb/Resources/Templates")
        let table = translations.table("nl")
        for file in try FileManager.default.contentsOfDirectory(atPath: templates.path) {
            let text = try String(contentsOf: templates.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: /\{\{[#^\/]?t\.([a-z0-9_]+)\}\}/) {
                #expect(table[String(match.1)] != nil, "\(file): t.\(match.1)")
            }
        }
        for role in Role.allCases { #expect(translations.has(role.textKey)) }
        for kind in OrganisationKind.allCases { #expect(translations.has(kind.textKey)) }
    }

    @Test("A user can switch to English and back")
    func language() async throws {
        try await Harness.run(.sqlite) { _, client in
            var browser = Browser(client)
            _ = try await browser.login("partner@test.nl")
            #expect(try await browser.post("/account/language", [("locale", "en")]).status == .found)
            #expect(try await browser.get("/account").body.contains("My account"))
            #expect(try await browser.post("/account/language", [("locale", "xx")]).status == .badRequest)
            _ = try await browser.post("/account/language", [("locale", "nl")])
            #expect(try await browser.get("/account").body.contains("Mijn account"))
        }
    }

    @Test("Changing the password ends other sessions but keeps this one")
    func password() async throws {
        try await Harness.run(.sqlite) { _, client in
            var here = Browser(client)
            var elsewhere = Browser(client)
            _ = try await here.login("partner@test.nl")
            _ = try await elsewhere.login("partner@test.nl")
            let wrong = try await here.post(
                "/account/password", [("current", "fout"), ("new", "kort"), ("repeat", "x")])
            #expect(wrong.status == .unprocessableContent && wrong.body.contains("Uw huidige wachtwoord klopt niet."))
            let changed = try await here.post(
                "/account/password",
                [
                    ("current", Harness.password), ("new", "een heel nieuw wachtwoord"),
                    ("repeat", "een heel nieuw wachtwoord"),
                ])
            #expect(changed.status == .found)
            #expect(try await here.get("/account").status == .ok)
            #expect(try await elsewhere.get("/account").status == .found)
        }
    }
}
