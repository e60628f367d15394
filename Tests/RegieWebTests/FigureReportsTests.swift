import Foundation
import HummingbirdTesting
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

/// The dashboard's figures are rendered once per fact stamp and kept apart per permission and language; a change
/// shows at once.
@Suite("FigureReports")
struct FigureReportsTests {
    /// The count shown in the dashboard's row `label` of the figure `key` (a number, or `&lt;5` when protected).
    static func count(_ key: String, _ label: String, in page: String) -> String? {
        guard let start = page.range(of: "id=\"figure-\(key)\"") else { return nil }
        let section = page[start.upperBound...].components(separatedBy: "</section>")[0]
        guard let row = section.range(of: "<td>\(label)</td><td class=\"number\">") else { return nil }
        let cell = section[row.upperBound...].components(separatedBy: "</td>")[0]
        return cell.replacing(/<a href="[^"]*">/, with: "").replacingOccurrences(of: "</a>", with: "")
    }

    @Test(
        "Kept while nothing changes; a new signal counts at once; protected, linked and English pages kept apart",
        arguments: TestDatabases.backends)
    func kept(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, policy, _) = try await FigureTests.world(harness, client)
            #expect(Self.count("inflow_channel", "Telefoon", in: try await director.get("/figures").body) == "2")

            // Behind the app's back, without raising any household's version: the kept figures stay.
            try await harness.app.database.write { try await $0.raw("UPDATE signals SET channel = 'email'").run() }
            let kept = try await director.get("/figures").body
            #expect(Self.count("inflow_channel", "Telefoon", in: kept) == "2", "the rendered figures were kept")
            #expect(kept.contains("/figures/cases?"), "the director's counts link to their cases")

            let protected = try await policy.get("/figures").body
            #expect(Self.count("inflow_channel", "Telefoon", in: protected) == "&lt;5")
            #expect(!protected.contains("/figures/cases?"), "a policy officer's page is not the director's")
            #expect(Self.count("inflow_channel", "Telefoon", in: try await director.get("/figures").body) == "2")

            _ = try await director.post("/account/language", [("locale", "en")])
            let english = try await director.get("/figures").body
            #expect(
                english.contains("Inflow by kind of reporter")
                    && Self.count("inflow_channel", "Phone", in: english) == "2")
            _ = try await director.post("/account/language", [("locale", "nl")])

            var partner = Browser(client)
            _ = try await partner.login("partner@test.nl")
            _ = try await partner.post("/signals/new", SignalTests.fields(family: "Bakker"))
            let changed = try await director.get("/figures").body
            #expect(Self.count("inflow_source", "GGD", in: changed) == "3", "a new signal counts at once")
        }
    }
}
