import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("FigureFactsLedger")
struct FigureFactsLedgerTests {
    /// Counts the readings a ledger asks for and what each was given to build on.
    actor Reader {
        var given: [String?] = []
        func read(
            _ earlier: FigureFactsLedger.Reading?, stamp: String, day: Day,
            profiles: [ProfileSettings] = FigureFactsLedgerTests.profiles
        ) -> FigureFactsLedger.Reading {
            given.append(earlier?.stamp)
            return .init(stamp: stamp, day: day, profiles: profiles, sources: [:], facts: [:], change: nil)
        }
    }

    static let networks = [NetworkID(rawValue: "n1")]
    static let profiles = [ProfileSettings(code: "enschede", overrides: ProfileOverrides())]

    @Test(
        "Reads once per stamp, day and profile; a new stamp builds on the earlier reading, a new day or norm starts afresh"
    )
    func readings() async throws {
        let ledger = FigureFactsLedger(capacity: 2)
        let reader = Reader()
        let today = Day(Date())
        var stricter = ProfileOverrides()
        stricter.norms[ProfileOverrides.NormKey.eligibilityDecision.rawValue] = NormPeriod(2, .workingDays)
        let changed = [ProfileSettings(code: "enschede", overrides: stricter)]
        let tomorrow = today.adding(days: 1)
        for (stamp, day, profiles) in [
            ("1:1", today, Self.profiles), ("1:1", today, Self.profiles), ("1:2", today, Self.profiles),
            ("1:2", tomorrow, Self.profiles), ("1:2", tomorrow, changed), ("1:2", tomorrow, changed),
        ] {
            _ = try await ledger.facts(of: Self.networks, profiles: profiles, stamp: stamp, day: day) {
                await reader.read($0, stamp: stamp, day: day, profiles: profiles)
            }
        }
        #expect(await reader.given == [nil, "1:1", nil, nil])
    }

    @Test("Simultaneous requests for one stamp share one reading; a failed reading is not kept")
    func sharing() async throws {
        let ledger = FigureFactsLedger(capacity: 2)
        let reader = Reader()
        let today = Day(Date())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    _ = try await ledger.facts(of: Self.networks, profiles: Self.profiles, stamp: "2:7", day: today) {
                        try await Task.sleep(for: .milliseconds(50))
                        return await reader.read($0, stamp: "2:7", day: today)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(await reader.given.count == 1)
        struct Failure: Error {}
        await #expect(throws: Failure.self) {
            _ = try await ledger.facts(of: Self.networks, profiles: Self.profiles, stamp: "2:8", day: today) { _ in
                throw Failure()
            }
        }
        _ = try await ledger.facts(of: Self.networks, profiles: Self.profiles, stamp: "2:8", day: today) {
            await reader.read($0, stamp: "2:8", day: today)
        }
        #expect(await reader.given == [nil, "2:7"], "the failed reading left nothing; the next built on 2:7")
    }

    /// What the figures count of one household, to compare two readings.
    static func summary(_ facts: [FigureFacts]) -> [String] {
        facts.map {
            "\($0.household.rawValue) \($0.phase) signals:\($0.signals.count) opened:\($0.openedOn?.iso ?? "-")"
        }
        .sorted()
    }

    @Test("A set is read ahead once, and not when kept, under way, or when it would push out a kept reading")
    func readAheadClaims() async throws {
        let ledger = FigureFactsLedger(capacity: 2)
        let reader = Reader()
        let today = Day(Date())
        let (n2, n3) = ([NetworkID(rawValue: "n2")], [NetworkID(rawValue: "n3")])
        #expect(await ledger.claimReadAhead(Self.networks))
        #expect(await !ledger.claimReadAhead(Self.networks), "once per server")
        _ = try await ledger.facts(of: n2, profiles: Self.profiles, stamp: "1:1", day: today) {
            await reader.read($0, stamp: "1:1", day: today)
        }
        #expect(await !ledger.claimReadAhead(n2), "already kept")
        _ = try await ledger.facts(of: n3, profiles: Self.profiles, stamp: "1:1", day: today) {
            await reader.read($0, stamp: "1:1", day: today)
        }
        #expect(await !ledger.claimReadAhead([NetworkID(rawValue: "n4")]), "the ledger is full")
    }

    @Test(
        "Opening a page reads the network's figures ahead for a director, not for a partner",
        arguments: TestDatabases.backends)
    func readAheadOnFirstPage(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            let ledger = harness.app.figureFactsLedger
            let network = [harness.network.id]
            var partner = Browser(client)
            _ = try await partner.login("partner@test.nl")
            _ = try await partner.get("/")
            let kept = await ledger.keeps(network)
            let claimable = await ledger.claimReadAhead(network)
            #expect(!kept && claimable, "a partner may not see figures: nothing read or claimed")
        }
        try await Harness.run(backend) { harness, client in
            let ledger = harness.app.figureFactsLedger
            let network = [harness.network.id]
            var director = Browser(client)
            _ = try await director.login("regisseur@test.nl")
            _ = try await director.get("/")
            for _ in 0..<1_000 where !(await ledger.keeps(network)) { try await Task.sleep(for: .milliseconds(10)) }
            #expect(await ledger.keeps(network), "read in the background after the worklist")
        }
    }

    @Test(
        "Read again household by household, the facts equal a whole reading after changes, arrivals and departures",
        arguments: TestDatabases.backends)
    func incremental(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, _ in
            let app = harness.app
            let network = harness.network.id
            let director = try await harness.user(
                "ledger@test.nl", [RoleAssignment(role: .networkDirector, network: network)])
            let maker = AccessActor(
                user: director.id, organisation: harness.organisation.id,
                assignments: [RoleAssignment(role: .networkDirector, network: network)])
            let households = try await app.database.write { tx in
                var made: [HouseholdID] = []
                for number in 0..<6 {
                    made.append(
                        try await HouseholdStore.create(
                            network: network, reference: "LED-\(number)", actor: maker, on: tx))
                }
                return made
            }
            func whole() async throws -> [String] {
                Self.summary(
                    try await FigureStore.facts(
                        in: [network], profiles: { _ in app.profiles.profile(for: harness.network) },
                        calendar: app.calendar, today: Day(Date()), on: app.database.sql))
            }
            #expect(Self.summary(try await app.figureFacts(in: [harness.network])) == (try await whole()))
            let year = ReportPeriod(from: Day(Date()).adding(days: -365), to: Day(Date()))
            let before = try await app.networkFigures(in: [harness.network], period: year, today: Day(Date()))
            #expect(before.breakdown("open_phase")?.cells.contains { $0.code == "active" } == false)
            let elsewhere = try await harness.network("Elders", profile: "enschede")

            // One household opens a case, one is added, one leaves for another network.
            try await app.database.write { tx in
                try await TimelineStore.append(
                    TimelineEvent(
                        household: households[2], network: network, actor: nil, actorOrganisation: nil,
                        kind: "case.opened", summary: "Casus geopend"), on: tx)
                _ = try await HouseholdStore.create(network: network, reference: "LED-new", actor: maker, on: tx)
                try await tx.update("households").set("network_id", to: SQLBind(elsewhere.id.rawValue))
                    .where("id", .equal, SQLBind(households[4].rawValue)).run()
            }
            let after = Self.summary(try await app.figureFacts(in: [harness.network]))
            #expect(after == (try await whole()))
            #expect(after.count == 6 && after.contains { $0.hasPrefix("\(households[2].rawValue) active") })
            #expect(!after.contains { $0.hasPrefix(households[4].rawValue) }, "the household that left is gone")

            // The figures, counted on from those before the change, are the figures of a whole reading.
            let stamp = try await app.factStamp([network])
            let reading = try await app.figureFactsLedger.reading(
                of: [network], profiles: WebApp.figureProfiles([harness.network]), stamp: stamp, day: Day(Date())
            ) { _ in
                Issue.record("the ledger read again"); throw CancellationError()
            }
            #expect(reading.change?.households.count == 3, "changed, added and gone since the first reading")
            let counted = try await app.networkFigures(in: [harness.network], period: year, today: Day(Date()))
            let afresh = NetworkFigures(
                facts: try await FigureStore.facts(
                    in: [network], profiles: { _ in app.profiles.profile(for: harness.network) },
                    calendar: app.calendar, today: Day(Date()), on: app.database.sql),
                period: year, profiles: { _ in app.profiles.profile(for: harness.network) }, calendar: app.calendar,
                today: Day(Date()))
            #expect(counted.breakdowns == afresh.breakdowns && counted.leadTimes == afresh.leadTimes)
            #expect(counted.breakdown("open_phase")?.cells.first { $0.code == "active" }?.households == [households[2]])
        }
    }
}
