import Foundation
import HummingbirdTesting
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("Household facts cache")
struct HouseholdFactsCacheTests {
    static func viewProcessLog(_ harness: Harness, _ household: String) async throws -> Int {
        try await AccessLogStore.entries(household: HouseholdID(rawValue: household), on: harness.app.database.sql)
            .filter { $0.action == AccessAction.viewProcess.rawValue }.count
    }

    @Test(
        "Lists follow a recorded change at once, and log only the households they show",
        arguments: TestDatabases.backends)
    func followsChanges(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, caseDirector) = try await CaseWorkTests.team(harness, client)
            let id = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
            let maker = AccessActor(
                user: caseDirector.id, organisation: caseDirector.organisation,
                assignments: [RoleAssignment(role: .networkDirector, network: harness.network.id)])
            let quiet = try await harness.app.database.write { tx in
                try await HouseholdStore.create(
                    network: harness.network.id, reference: "STIL-1", actor: maker, on: tx)
            }
            // Read twice, so the second answer comes from the cache.
            for _ in 0..<2 {
                #expect(try await director.get("/").body.contains("Regisseur aanstellen"))
                #expect(try await director.get("/cases").body.contains("1 open casus zonder regisseur."))
            }
            let logged = try await Self.viewProcessLog(harness, id)
            #expect(logged == 4, "each list that shows the case logs it once")
            #expect(try await Self.viewProcessLog(harness, quiet.rawValue) == 0, "a household not shown is not logged")

            #expect(
                try await director.post(
                    "/cases/\(id)/director",
                    [
                        ("director", caseDirector.id.rawValue), ("direction", "casusregie"),
                        ("director_from", Day(Date()).dutch),
                    ]
                ).status == .found)
            #expect(!(try await director.get("/").body.contains("Regisseur aanstellen")), "the change shows at once")
            #expect(
                !(try await director.get("/cases").body.contains("zonder regisseur.")), "no banner when none is without"
            )
            #expect(try await Self.viewProcessLog(harness, id) == logged + 1, "the worklist no longer shows it")

            // A household that is new to the network shows in the lists kept before, too.
            #expect(!(try await director.get("/").body.contains("Melding wacht op besluit")))
            let signalsBefore = try await director.get("/signals").body
            let draft = SignalDraft(
                persons: [
                    SignalDraft.Person(
                        givenName: "Sam", familyName: "Nieuw", birthDate: Day("1985-03-01"), relation: .parent)
                ],
                street: "Esdoornlaan", houseNumber: "3", postcode: "7511ab", city: "Enschede", concerns: ["wonen"],
                description: "Huurachterstand")
            let recorded = try await harness.app.database.write { tx in
                try await SignalStore.record(
                    draft, network: harness.network.id, household: HouseholdID(), reporter: maker,
                    enteredBy: maker.user, on: tx)
            }
            #expect(try await director.get("/").body.contains("Melding wacht op besluit"))
            #expect(!signalsBefore.contains("/signals/\(recorded.signalID)"))
            #expect(try await director.get("/signals").body.contains("/signals/\(recorded.signalID)"))
        }
    }

    @Test(
        "A director or organisation renamed shows at once in the case list kept before",
        arguments: TestDatabases.backends)
    func followsRenames(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, caseDirector) = try await CaseWorkTests.team(harness, client)
            let id = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
            let appointed = try await director.post(
                "/cases/\(id)/director",
                [
                    ("director", caseDirector.id.rawValue), ("direction", "casusregie"),
                    ("director_from", Day(Date()).dutch),
                ])
            #expect(appointed.status == .found)
            let db = harness.app.database
            let organisation = try #require(try await OrganisationStore.find(caseDirector.organisation, on: db.sql))
            // Read twice, so the rows are kept with the household's version.
            for _ in 0..<2 {
                #expect(try await director.get("/cases").body.contains("\(caseDirector.name) (\(organisation.name))"))
            }
            let before = try await HouseholdStore.factVersions(of: [HouseholdID(rawValue: id)], on: db.sql)

            var renaming = caseDirector
            renaming.name = "Noor Nieuwenhuis"
            let renamed = renaming
            try await db.write { tx in try await UserStore.update(renamed, on: tx) }
            #expect(try await director.get("/cases").body.contains("Noor Nieuwenhuis (\(organisation.name))"))

            var moving = organisation
            moving.name = "Wijkteam Hernoemd"
            let moved = moving
            try await db.write { tx in try await OrganisationStore.update(moved, on: tx) }
            #expect(try await director.get("/cases").body.contains("Noor Nieuwenhuis (Wijkteam Hernoemd)"))

            // Saving without a new name leaves the kept rows alone.
            try await db.write { tx in
                try await UserStore.update(renamed, on: tx)
                try await OrganisationStore.update(moved, on: tx)
            }
            let after = try await HouseholdStore.factVersions(of: [HouseholdID(rawValue: id)], on: db.sql)
            #expect(after.map(\.version) == before.map { $0.version + 2 }, "one rise per rename, none for a plain save")
        }
    }

    @Test("The figures' facts are reused until something in the network changes", arguments: TestDatabases.backends)
    func figures(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, _ in
            let app = harness.app
            let director = try await harness.user(
                "cijfers@test.nl", [RoleAssignment(role: .networkDirector, network: harness.network.id)])
            let maker = AccessActor(
                user: director.id, organisation: harness.organisation.id,
                assignments: [RoleAssignment(role: .networkDirector, network: harness.network.id)])
            let first = try await app.database.write { tx in
                try await HouseholdStore.create(network: harness.network.id, reference: "FIG-1", actor: maker, on: tx)
            }
            #expect(try await app.figureFacts(in: [harness.network]).map(\.phase) == [.intake])
            #expect(try await app.figureFacts(in: [harness.network]).map(\.phase) == [.intake], "kept")
            try await app.database.write { tx in
                try await TimelineStore.append(
                    TimelineEvent(
                        household: first, network: harness.network.id, actor: nil, actorOrganisation: nil,
                        kind: "case.opened", summary: "Casus geopend"), on: tx)
            }
            #expect(try await app.figureFacts(in: [harness.network]).map(\.phase) == [.active], "a change shows")
            _ = try await app.database.write { tx in
                try await HouseholdStore.create(network: harness.network.id, reference: "FIG-2", actor: maker, on: tx)
            }
            #expect(try await app.figureFacts(in: [harness.network]).count == 2, "a new household shows")
            let tomorrow = Day(Date()).adding(days: 1)
            #expect(try await app.figureFacts(in: [harness.network], today: tomorrow).count == 2, "a new day")
        }
    }

    @Test(
        "The counted figures are reused per period until something in the network changes",
        arguments: TestDatabases.backends)
    func countedFigures(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, _ in
            let app = harness.app
            let maker = AccessActor(
                user: try await harness.user(
                    "geteld@test.nl", [RoleAssignment(role: .networkDirector, network: harness.network.id)]
                ).id, organisation: harness.organisation.id,
                assignments: [RoleAssignment(role: .networkDirector, network: harness.network.id)])
            let today = Day(Date())
            let year = ReportPeriod(from: today.adding(days: -365), to: today)
            let open = { (period: ReportPeriod) in
                try await app.networkFigures(in: [harness.network], period: period, today: today)
                    .breakdown("open_phase")?.cells.map { "\($0.code)=\($0.count)" } ?? []
            }
            let first = try await app.database.write { tx in
                try await HouseholdStore.create(network: harness.network.id, reference: "GET-1", actor: maker, on: tx)
            }
            #expect(try await open(year) == ["intake=1"])
            #expect(try await open(year) == ["intake=1"], "kept")
            try await app.database.write { tx in
                try await TimelineStore.append(
                    TimelineEvent(
                        household: first, network: harness.network.id, actor: nil, actorOrganisation: nil,
                        kind: "case.opened", summary: "Casus geopend"), on: tx)
            }
            #expect(try await open(year) == ["active=1"], "a change shows at once")
            let week = ReportPeriod(from: today.adding(days: -7), to: today)
            _ = try await app.database.write { tx in
                try await HouseholdStore.create(network: harness.network.id, reference: "GET-2", actor: maker, on: tx)
            }
            #expect(try await open(week).sorted() == ["active=1", "intake=1"], "another period, counted on its own")
        }
    }

    @Test(
        "A long worklist shows 25 items per kind, says what it left out, and logs only what it shows",
        arguments: TestDatabases.backends)
    func limited(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            let partner = try await harness.user(
                "veel@test.nl", [RoleAssignment(role: .partnerWorker, network: harness.network.id)])
            let reporter = AccessActor(
                user: partner.id, organisation: partner.organisation,
                assignments: [RoleAssignment(role: .partnerWorker, network: harness.network.id)])
            let network = harness.network.id
            let households = try await harness.app.database.write { tx in
                var made: [HouseholdID] = []
                for number in 0..<28 {
                    let draft = SignalDraft(
                        persons: [
                            SignalDraft.Person(
                                givenName: "Kim", familyName: "Veel\(number)", birthDate: Day("1980-05-01"),
                                relation: .parent)
                        ],
                        street: "Lindelaan", houseNumber: "\(number + 1)", postcode: "7511ab", city: "Enschede",
                        concerns: ["wonen"], description: "Huurachterstand")
                    made.append(
                        try await SignalStore.record(
                            draft, network: network, household: HouseholdID(), reporter: reporter,
                            enteredBy: partner.id, on: tx
                        ).household)
                }
                return made
            }
            var director = Browser(client)
            _ = try await director.login("regisseur@test.nl")
            let page = try await director.get("/").body
            // 25 items and the line that counts the rest.
            #expect(page.components(separatedBy: "Melding wacht op besluit").count - 1 == 26)
            #expect(page.contains("Nog 3 × Melding wacht op besluit niet getoond"))
            #expect(page.contains("href=\"/?alles=1\""))
            var logged = 0
            for household in households { logged += try await Self.viewProcessLog(harness, household.rawValue) }
            #expect(logged == 25, "only the households shown are logged")
            let all = try await director.get("/?alles=1").body
            #expect(all.components(separatedBy: "Melding wacht op besluit").count - 1 == 28)
            #expect(!all.contains("niet getoond"))
        }
    }
}
