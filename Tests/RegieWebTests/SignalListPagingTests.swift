import Foundation
import HummingbirdTesting
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("Signal list paging")
struct SignalListPagingTests {
    /// `count` signals from one partner, each on a household of its own, the oldest first.
    static func signals(_ count: Int, _ harness: Harness, reporter email: String = "melder@test.nl") async throws
        -> [HouseholdID]
    {
        let partner = try await harness.user(
            email, [RoleAssignment(role: .partnerWorker, network: harness.network.id)])
        let reporter = AccessActor(
            user: partner.id, organisation: partner.organisation,
            assignments: [RoleAssignment(role: .partnerWorker, network: harness.network.id)])
        let network = harness.network.id
        var made: [HouseholdID] = []
        for number in 0..<count {
            // One write each, a moment apart, so "newest first" has an order to keep.
            made.append(
                try await harness.app.database.write { tx in
                    let draft = SignalDraft(
                        persons: [
                            SignalDraft.Person(
                                givenName: "Sam", familyName: "Lijst\(email.prefix(3))\(number)",
                                birthDate: Day("1975-02-01"),
                                relation: .parent)
                        ],
                        street: "Markt", houseNumber: "\(number + 1)", postcode: "7511ab", city: "Enschede",
                        concerns: ["wonen"], description: "Huurachterstand")
                    return try await SignalStore.record(
                        draft, network: network, household: HouseholdID(), reporter: reporter, enteredBy: partner.id,
                        at: Date(timeIntervalSinceNow: Double(number - count)), on: tx
                    ).household
                })
        }
        return made
    }

    /// The signals a list page links to (the page also links to the form for a new one).
    static func shown(_ page: String) -> Int {
        page.components(separatedBy: "href=\"/signals/").count
            - page.components(separatedBy: "href=\"/signals/new").count
    }

    @Test(
        "A long signal list comes in pages of 100, the newest first, and logs only the page shown",
        arguments: TestDatabases.backends)
    func pages(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            let households = try await Self.signals(105, harness)
            var director = Browser(client)
            _ = try await director.login("regisseur@test.nl")
            let first = try await director.get("/signals").body
            #expect(first.contains("Pagina 1 van 2 (105 signalen)"))
            // Above and below the table, so a long list can be paged from either end.
            #expect(first.components(separatedBy: "Pagina 1 van 2").count - 1 == 2)
            #expect(first.range(of: "Pagina 1 van 2")!.lowerBound < first.range(of: "<table")!.lowerBound)
            #expect(Self.shown(first) == 100)
            #expect(first.contains("href=\"/signals?status=open&amp;pagina=2\""))
            #expect(!first.contains("rel=\"prev\""))
            var logged: [HouseholdID: Int] = [:]
            for household in households {
                logged[household] = try await AccessLogStore.entries(household: household, on: harness.app.database.sql)
                    .filter { $0.action == AccessAction.viewIntake.rawValue }.count
            }
            #expect(households.suffix(100).allSatisfy { logged[$0] == 1 }, "the newest 100 are shown and logged")
            #expect(households.prefix(5).allSatisfy { logged[$0] == 0 }, "the oldest 5 are not on the first page")
            let second = try await director.get("/signals?status=open&pagina=2").body
            #expect(second.contains("Pagina 2 van 2") && second.contains("href=\"/signals?status=open&amp;pagina=1\""))
            #expect(Self.shown(second) == 5)
            // The first page again: kept with the list, the same page, and its households logged once more.
            #expect(try await director.get("/signals").body == first)
            for household in households.suffix(100) {
                let views = try await AccessLogStore.entries(household: household, on: harness.app.database.sql)
                    .filter { $0.action == AccessAction.viewIntake.rawValue }.count
                #expect(views == 2, "every view is logged, also of a kept page")
            }
            #expect(try await director.get("/signals?status=<b>&pagina=x").body.contains("Pagina 1 van 2"))
        }
    }

    @Test("A kept signal list shows a new signal at once", arguments: TestDatabases.backends)
    func followsChanges(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            _ = try await Self.signals(2, harness)
            var director = Browser(client)
            _ = try await director.login("regisseur@test.nl")
            // Read twice, so the second answer comes from the cache.
            for _ in 0..<2 { #expect(Self.shown(try await director.get("/signals").body) == 2) }
            _ = try await Self.signals(1, harness, reporter: "tweede@test.nl")
            #expect(Self.shown(try await director.get("/signals").body) == 3, "the new signal shows at once")
        }
    }
}
