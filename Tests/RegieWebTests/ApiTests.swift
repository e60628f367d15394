import Foundation
import HTTPTypes
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("JSON API and its OpenAPI description")
struct ApiTests {
    @Test("A token made in the UI calls the API until it is revoked", arguments: TestDatabases.backends)
    func tokenLifecycle(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var browser = Browser(client)
            let none = try await browser.get("/api/v1/me")
            #expect(none.status == .unauthorized && none.body.contains("\"requestId\""))
            _ = try await browser.login("partner@test.nl")
            let token = try await browser.createToken("Koppeling woningcorporatie")
            var api = Browser(client)
            let me = try await api.get("/api/v1/me", headers: [.authorization: "Bearer \(token)"])
            #expect(me.status == .ok && me.body.contains("partner@test.nl") && me.body.contains("partner_worker"))
            let partner = try #require(
                try await UserStore.findForLogin(
                    email: "partner@test.nl",
                    on: harness.app.database.sql)
            ).user
            let firstUse = try #require(
                try await ApiTokenStore.tokens(of: partner.id, on: harness.app.database.sql).first?.lastUsedAt)
            let networks = try await api.get("/api/v1/networks", headers: [.authorization: "Bearer \(token)"])
            #expect(networks.body.contains("Testnetwerk"))
            // Within the minute the last use is not written again (each write would wait on SQLite's one writer).
            let stored = try #require(
                try await ApiTokenStore.tokens(of: partner.id, on: harness.app.database.sql).first)
            #expect(stored.lastUsedAt == firstUse)
            let id = stored.id
            #expect(try await browser.post("/account/tokens/\(id)/revoke", []).status == .found)
            let revoked = try await api.get("/api/v1/me", headers: [.authorization: "Bearer \(token)"])
            #expect(revoked.status == .unauthorized && revoked.body.contains("ingetrokken"))
        }
    }

    @Test("openapi.yaml describes exactly the API routes Regie serves")
    func openAPIMatchesRoutes() async throws {
        try await Harness.run(.sqlite) { harness, _ in
            let served = Set(
                harness.app.routes.entries.filter { $0.audience == .apiClient }
                    .map { "\($0.method.lowercased()) \($0.path)" })
            #expect(!served.isEmpty)
            let described = try OpenAPIFile.operations()
            #expect(described == served)
        }
    }

    @Test("Every API answer is JSON, also errors")
    func jsonErrors() async throws {
        try await Harness.run(.sqlite) { _, client in
            var api = Browser(client)
            let page = try await api.get("/api/v1/organisations", headers: [.authorization: "Bearer onzin"])
            #expect(page.status == .unauthorized)
            #expect(page.headers[.contentType]?.hasPrefix("application/json") == true)
        }
    }
}

/// Reads the operations (`get /api/v1/me`) from the repository's openapi.yaml without a YAML library:
/// paths are the two-space-indented keys under `paths:`, methods the four-space-indented keys below them.
enum OpenAPIFile {
    static func operations() throws -> Set<String> {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("openapi.yaml")
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        var operations = Set<String>()
        var inPaths = false
        var path: String?
        for line in lines {
            if line == "paths:" { inPaths = true; continue }
            if inPaths, !line.hasPrefix(" "), !line.isEmpty { break }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let method = line.trimmingCharacters(in: .whitespaces).dropLast()
                if ["get", "post", "put", "patch", "delete"].contains(String(method)) {
                    operations.insert("\(method) \(path)")
                }
            }
        }
        return operations
    }
}
