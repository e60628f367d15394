import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdOTP
import HummingbirdTesting
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("Logging in and out")
struct AuthenticationTests {
    @Test("Log in, see the home page, log out", arguments: TestDatabases.backends)
    func journey(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var browser = Browser(client)
            let login = try await browser.get("/login")
            #expect(login.status == .ok && login.body.contains("Inloggen") && login.body.contains("lang=\"nl\""))
            let done = try await browser.login("regisseur@test.nl")
            #expect(done.status == .found && done.location == "/")
            let cookie = try #require(done.headers[values: .setCookie].first { $0.hasPrefix("regie_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            let home = try await browser.get("/")
            #expect(home.status == .ok && home.body.contains("Welkom, Regisseur") && home.body.contains("Testnetwerk"))
            #expect(
                home.body.contains("probleemhouder") == false && home.body.contains("teamleider"),
                "the Enschede profile's name for the network director")
            let out = try await browser.post("/logout", [])
            #expect(out.status == .found)
            #expect(try await browser.get(try #require(out.location)).body.contains("U bent uitgelogd."))
            #expect(try await browser.get("/").location?.hasPrefix("/login") == true)
        }
    }

    @Test("A failed login shows a Dutch error next to the form and keeps the e-mail address")
    func failedLogin() async throws {
        try await Harness.run(.sqlite) { _, client in
            var browser = Browser(client)
            let page = try await browser.login("regisseur@test.nl", password: "verkeerd wachtwoord")
            #expect(page.status == .unauthorized)
            #expect(page.body.contains("E-mailadres of wachtwoord klopt niet."))
            #expect(page.body.contains("value=\"regisseur@test.nl\""))
            let unknown = try await browser.login("niemand@test.nl")
            #expect(unknown.body.contains("E-mailadres of wachtwoord klopt niet."))
        }
    }

    @Test("Forms without the right CSRF token are refused")
    func csrf() async throws {
        try await Harness.run(.sqlite) { _, client in
            var browser = Browser(client)
            _ = try await browser.get("/login")
            let missing = try await browser.post(
                "/login", [("email", "regisseur@test.nl"), ("password", Harness.password)],
                csrf: false)
            #expect(missing.status == .forbidden && missing.body.contains("Dit formulier is verlopen"))
            // A refusal with its own reason keeps the general heading: "Geen toegang" would mislead here.
            #expect(missing.body.contains("<h1>Dat lukte niet</h1>"))
            let wrong = try await browser.post(
                "/login",
                [
                    ("email", "regisseur@test.nl"), ("password", Harness.password),
                    ("_csrf", "nagemaakt"),
                ], csrf: false)
            #expect(wrong.status == .forbidden)
            var stranger = Browser(client)
            let noCookie = try await stranger.post("/logout", [("_csrf", "x")], csrf: false)
            #expect(noCookie.status == .forbidden)
        }
    }

    @Test("Five wrong passwords lock the account; an administrator unlocks it", arguments: TestDatabases.backends)
    func lockout(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var browser = Browser(client)
            for _ in 1...4 {
                #expect(
                    try await browser.login("partner@test.nl", password: "fout fout fout").body
                        .contains("klopt niet"))
            }
            let locked = try await browser.login("partner@test.nl", password: "fout fout fout")
            #expect(locked.body.contains("tijdelijk geblokkeerd"))
            let correct = try await browser.login("partner@test.nl")
            #expect(correct.status == .unauthorized && correct.body.contains("tijdelijk geblokkeerd"))
            var admin = Browser(client)
            _ = try await admin.login("beheer@test.nl")
            let users = try await admin.get("/admin/users")
            #expect(users.body.contains("Geblokkeerd"))
            let partner = try #require(
                try await UserStore.findForLogin(
                    email: "partner@test.nl",
                    on: harness.app.database.sql)?.user)
            #expect(try await admin.post("/admin/users/\(partner.id)/unlock", []).status == .found)
            #expect(try await browser.login("partner@test.nl").location == "/")
        }
    }

    @Test("Too many failures from one address are throttled")
    func throttle() async throws {
        try await Harness.run(.sqlite, configure: { $0.addressThrottleLimit = 3 }) { _, client in
            var browser = Browser(client)
            for index in 0..<3 { _ = try await browser.login("x\(index)@test.nl", password: "fout fout fout") }
            let page = try await browser.login("regisseur@test.nl")
            #expect(page.status == .tooManyRequests && page.body.contains("Te veel mislukte pogingen"))
        }
    }

    @Test(
        "A role that requires two-factor login must enrol first, then always gives a code",
        arguments: TestDatabases.backends)
    func totp(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend, configure: { $0.totpRequiredRoles = [.networkDirector] }) { harness, client in
            var browser = Browser(client)
            let first = try await browser.login("regisseur@test.nl")
            #expect(first.location == "/login/setup-code")
            #expect(try await browser.get("/").location == "/login/setup-code", "nothing else before enrolment")
            let setup = try await browser.get("/login/setup-code")
            #expect(setup.body.contains("Tweestapsverificatie instellen"))
            let user = try #require(
                try await UserStore.findForLogin(
                    email: "regisseur@test.nl",
                    on: harness.app.database.sql))
            let secret = try #require(user.credentials.totpSecret)
            #expect(try await browser.post("/login/setup-code", [("code", "000000")]).body.contains("code klopt niet"))
            let code = String(format: "%06d", TOTP(secret: secret).compute())
            #expect(try await browser.post("/login/setup-code", [("code", code)]).location?.hasPrefix("/") == true)
            #expect(try await browser.get("/").status == .ok)

            var second = Browser(client)
            #expect(try await second.login("regisseur@test.nl").location == "/login/code")
            #expect(try await second.get("/").location == "/login?next=%2F", "a password alone is not a login")
            #expect(try await second.post("/login/code", [("code", "123456")]).status == .unauthorized)
            #expect(
                try await second.post("/login/code", [("code", code)]).status == .unauthorized,
                "a code works only once")
            let next = String(format: "%06d", TOTP(secret: secret).compute(date: Date().addingTimeInterval(30)))
            #expect(try await second.post("/login/code", [("code", next)]).location == "/")
            #expect(try await second.get("/").status == .ok)
        }
    }

    @Test("Sessions live in the database: a second app server on the same database knows them")
    func sharedSessions() async throws {
        try await Harness.run(.sqlite) { harness, client in
            var browser = Browser(client)
            _ = try await browser.login("regisseur@test.nl")
            let other = Application(
                router: RegieApplication.router(
                    try await WebApp(database: harness.app.database, configuration: harness.app.configuration)))
            let cookies = browser.cookies
            try await other.test(.router) { otherClient in
                var same = Browser(otherClient)
                same.cookies = cookies
                let page = try await same.get("/")
                #expect(page.body.contains("Welkom, Regisseur"))
            }
            let keys = try await harness.app.database.sql.select().column("key_hash").from("sessions").all()
                .map { try $0.decode(column: "key_hash", as: String.self) }
            let raw = try #require(browser.cookies["regie_session"]?.removingPercentEncoding)
            #expect(!keys.contains(raw), "the database holds only hashes of session keys")
        }
    }

    @Test("Deactivating a user ends their session at once")
    func deactivation() async throws {
        try await Harness.run(.sqlite) { harness, client in
            var browser = Browser(client)
            _ = try await browser.login("partner@test.nl")
            #expect(try await browser.get("/").status == .ok)
            var user = try #require(
                try await UserStore.findForLogin(
                    email: "partner@test.nl",
                    on: harness.app.database.sql)?.user)
            user.active = false
            let inactive = user
            try await harness.app.database.write { try await UserStore.update(inactive, on: $0) }
            #expect(try await browser.get("/").status == .found)
        }
    }

    /// The session's read joins its user on the stored field `SessionStore.userField`; the user read with it must not
    /// be stored, or a session would show yesterday's roles.
    @Test("A session stores its user's id where the store joins it, and never the user read with it")
    func storedSession() throws {
        let account = UserAccount(name: "Rita", email: "rita@test.nl", organisation: OrganisationID(rawValue: "o"))
        var session = WebSession(userID: account.id.rawValue, stage: .complete, epoch: 3)
        session.user = SignedInUser(account: account, organisationName: "GGD", assignments: [])
        let stored = try JSONSerialization.jsonObject(with: JSONEncoder().encode(session)) as? [String: Any]
        #expect(stored?[SessionStore.userField] as? String == account.id.rawValue)
        #expect(Set(stored?.keys.map { $0 } ?? []) == [SessionStore.userField, "stage", "epoch"])
        let read = try JSONDecoder().decode(WebSession.self, from: JSONEncoder().encode(session))
        #expect(read.user == nil && read.epoch == 3)
    }
}
