import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("The intake path through the API")
struct IntakeApiTests {
    /// Calls the API with a bearer token and returns status and body.
    struct Api {
        let client: any TestClientProtocol
        let token: String

        func call(_ method: HTTPRequest.Method, _ path: String, _ json: String? = nil) async throws
            -> (HTTPResponse.Status, String)
        {
            let response = try await client.execute(
                uri: path, method: method,
                headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                body: json.map { ByteBuffer(string: $0) })
            return (response.status, String(buffer: response.body))
        }
    }

    @Test(
        "Signal, triage, information round, answer, coordination and feedback — all by API",
        arguments: TestDatabases.backends)
    func wholePath(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var partnerBrowser = Browser(client)
            _ = try await partnerBrowser.login("partner@test.nl")
            let partner = Api(client: client, token: try await partnerBrowser.createToken("Partnersysteem"))
            var directorBrowser = Browser(client)
            _ = try await directorBrowser.login("regisseur@test.nl")
            let director = Api(client: client, token: try await directorBrowser.createToken("Regiesysteem"))

            let (created, createdBody) = try await partner.call(
                .post, "/api/v1/signals",
                """
                {"network": "\(harness.network.id)", "persons": [{"givenName": "Ada", "familyName": "Testers",
                 "birthDate": "1988-08-08", "relation": "parent"}], "noFixedAddress": true,
                 "concerns": ["wonen", "zorg"], "description": "Slaapt in de auto"}
                """)
            #expect(created == .created)
            // A network the partner has no role in, or none at all, takes no signal from them.
            let elsewhere = try await harness.network("Buurnetwerk", profile: "enschede")
            for network in [elsewhere.id.rawValue, UUID().uuidString.lowercased()] {
                let refused = try await partner.call(
                    .post, "/api/v1/signals",
                    """
                    {"network": "\(network)", "persons": [{"givenName": "Bo", "familyName": "Elders",
                     "birthDate": "1988-08-08", "relation": "parent"}], "noFixedAddress": true,
                     "concerns": ["wonen"], "description": "Elders"}
                    """)
                #expect(refused.0 == .forbidden, "\(network)")
            }
            let signal = try #require(createdBody.firstMatch(of: /"signal":"([0-9a-f-]{36})"/)?.1)

            #expect(
                try await partner.call(.post, "/api/v1/signals/\(signal)/decision", #"{"outcome":"coordinate"}"#).0
                    == .forbidden, "a partner takes no decisions")
            let (bad, badBody) = try await director.call(
                .post, "/api/v1/signals/\(signal)/decision", #"{"outcome":"refer_on","safety":"safe"}"#)
            #expect(bad == .unprocessableContent && badBody.contains("referredTo"))
            #expect(
                try await director.call(
                    .post, "/api/v1/signals/\(signal)/decision",
                    #"{"outcome":"coordinate","safety":"safe"}"#
                ).0 == .noContent)
            #expect(
                try await director.call(
                    .post, "/api/v1/signals/\(signal)/information-round",
                    "{\"organisations\":[\"\(harness.organisation.id)\"]}"
                ).0 == .noContent)

            let (listed, listBody) = try await partner.call(.get, "/api/v1/information-requests")
            #expect(listed == .ok && listBody.contains("Ada Testers") && !listBody.contains("auto"))
            let request = try #require(listBody.firstMatch(of: /"id":"([0-9a-f-]{36})"/)?.1)
            #expect(
                try await partner.call(
                    .post, "/api/v1/information-requests/\(request)/answer",
                    #"{"known":true,"shared":"Bekend bij de schuldhulp"}"#
                ).0 == .noContent)
            let (_, midway) = try await director.call(.get, "/api/v1/signals/\(signal)")
            #expect(midway.contains("\"phase\":\"information_round\"") && midway.contains("\"known\":true"))
            let (future, futureBody) = try await director.call(
                .post, "/api/v1/signals/\(signal)/home-visits",
                #"{"visitedOn":"2099-01-01","visitors":"GGD","reason":"Geen contact","outcome":"","letIn":false}"#)
            #expect(
                future == .unprocessableContent && futureBody.contains("visitedOn") && futureBody.contains("outcome"))
            #expect(
                try await director.call(
                    .post, "/api/v1/signals/\(signal)/home-visits",
                    "{\"visitedOn\":\"\(Day(Date()).iso)\",\"visitors\":\"GGD en wijkagent\",\"reason\":\"Geen contact\","
                        + "\"outcome\":\"Briefje achtergelaten\",\"letIn\":false}"
                ).0 == .noContent)

            #expect(
                try await director.call(
                    .post, "/api/v1/signals/\(signal)/coordination",
                    #"{"outcome":"open_case","reason":"Dakloos met zorgen"}"#
                ).0 == .noContent)
            let (status, statusBody) = try await partner.call(.get, "/api/v1/signals/\(signal)")
            #expect(status == .ok && statusBody.contains("\"phase\":\"active\"") && statusBody.contains("open_case"))
            #expect(try await partner.call(.get, "/api/v1/signals/\(UUID().uuidString.lowercased())").0 == .notFound)
        }
    }
}
