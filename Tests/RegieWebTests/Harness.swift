import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import RegieCore
import RegieStore
import RegieTestSupport
import RegieWeb

/// A Regie web app on a fresh database with a few known users, driven through the router.
struct Harness {
    let app: WebApp
    let organisation: Organisation
    let network: Network
    static let password = "lange zin als wachtwoord"

    /// Runs `body` with a harness on every backend of this run.
    static func run(
        _ backend: RegieDatabase.Backend, configure: (inout RegieConfiguration) -> Void = { _ in },
        _ body: @escaping @Sendable (Harness, any TestClientProtocol) async throws -> Void
    ) async throws {
        try await TestDatabases.with(backend) { db in
            var configuration = RegieConfiguration()
            configuration.bcryptCost = 4
            configuration.totpRequiredRoles = []
            configure(&configuration)
            let app = try await WebApp(database: db, configuration: configuration)
            let organisation = try await app.accounts.createOrganisation(name: "GGD Testregio", kind: .ggd, by: nil)
            let network = Network(name: "Testnetwerk", municipality: "Teststad", profileCode: "enschede")
            try await app.accounts.saveNetwork(
                network,
                members: [NetworkMember(network: network.id, organisation: organisation.id, partnerType: .core)],
                isNew: true, profiles: app.profiles, by: nil)
            let harness = Harness(app: app, organisation: organisation, network: network)
            _ = try await harness.user("beheer@test.nl", [RoleAssignment(role: .administrator, network: nil)])
            _ = try await harness.user(
                "regisseur@test.nl", [RoleAssignment(role: .networkDirector, network: network.id)])
            _ = try await harness.user("partner@test.nl", [RoleAssignment(role: .partnerWorker, network: network.id)])
            // Refusals are logged at info on every denied request; the matrix alone makes thousands.
            var logger = Logger(label: "regie.test.web")
            logger.logLevel = .warning
            let application = Application(router: RegieApplication.router(app), logger: logger)
            try await application.test(.router) { client in try await body(harness, client) }
        }
    }

    /// A second network working by `profile`, with the harness organisation as core partner.
    func network(_ name: String, profile: String) async throws -> Network {
        let network = Network(name: name, municipality: "Teststad", profileCode: profile)
        try await app.accounts.saveNetwork(
            network,
            members: [NetworkMember(network: network.id, organisation: organisation.id, partnerType: .core)],
            isNew: true, profiles: app.profiles, by: nil)
        return network
    }

    /// A new school that joins the test network as a shell partner, next to the harness organisation.
    func addShellSchool(_ name: String) async throws -> Organisation {
        let school = try await app.accounts.createOrganisation(name: name, kind: .school, by: nil)
        try await app.accounts.saveNetwork(
            network,
            members: [
                NetworkMember(network: network.id, organisation: organisation.id, partnerType: .core),
                NetworkMember(network: network.id, organisation: school.id, partnerType: .shell),
            ], isNew: false, profiles: app.profiles, by: nil)
        return school
    }

    @discardableResult
    func user(_ email: String, _ roles: Set<RoleAssignment>, organisation: OrganisationID? = nil) async throws
        -> UserAccount
    {
        try await app.accounts.createUser(
            .init(
                name: email.components(separatedBy: "@")[0].capitalized, email: email,
                organisation: organisation ?? self.organisation.id,
                password: Self.password, roles: roles), by: nil)
    }
}

/// A browser: keeps cookies, sends the CSRF token with every form, follows nothing by itself.
struct Browser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) { self.client = client }

    struct Page {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String
        var location: String? { headers[.location] }
    }

    mutating func get(_ path: String, headers extra: HTTPFields = [:]) async throws -> Page {
        try await send(path, method: .get, body: nil, headers: extra)
    }

    /// Posts a form; the CSRF token is added unless `csrf` is false.
    mutating func post(_ path: String, _ fields: [(String, String)], csrf: Bool = true) async throws -> Page {
        if csrf && cookies["regie_csrf"] == nil { _ = try await get("/login") }
        var all = fields
        if csrf { all.append(("_csrf", cookies["regie_csrf"] ?? "")) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(
            path, method: .post, body: body,
            headers: [.contentType: "application/x-www-form-urlencoded"])
    }

    private mutating func send(_ path: String, method: HTTPRequest.Method, body: String?, headers: HTTPFields)
        async throws -> Page
    {
        var headers = headers
        if !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        }
        let response = try await client.execute(
            uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if header.contains("Expires=Thu, 01 Jan 1970") || pair[1].isEmpty || header.contains("Max-Age=0") {
                cookies[pair[0]] = nil
            } else {
                cookies[pair[0]] = pair[1]
            }
        }
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    /// Makes an API token under "Mijn account" and returns the secret shown once.
    mutating func createToken(_ name: String) async throws -> String {
        let page = try await post("/account/tokens", [("name", name)])
        guard let match = page.body.firstMatch(of: /id="new-token" class="key">(rg_[A-Za-z0-9_-]+)</) else {
            throw HarnessError.noToken
        }
        return String(match.1)
    }

    /// Logs in with the harness password and expects to land on the home page.
    mutating func login(_ email: String, password: String = Harness.password) async throws -> Page {
        try await post("/login", [("email", email), ("password", password), ("next", "")])
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

enum HarnessError: Error { case noToken }
