import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("Worklist taken over from its earlier derivation")
struct WorklistTakeoverTests {
    /// A new household with one signal, reported by `reporter`.
    static func signal(_ family: String, _ harness: Harness, reporter: AccessActor) async throws -> HouseholdID {
        let draft = SignalDraft(
            persons: [
                SignalDraft.Person(
                    givenName: "Kim", familyName: family, birthDate: Day("1980-05-01"), relation: .parent)
            ],
            street: "Lindelaan", houseNumber: "1", postcode: "7511ab", city: "Enschede", concerns: ["wonen"],
            description: "Huurachterstand")
        return try await harness.app.database.write { tx in
            try await SignalStore.record(
                draft, network: harness.network.id, household: HouseholdID(), reporter: reporter,
                enteredBy: reporter.user, on: tx
            ).household
        }
    }

    /// The harness's network director as a signed-in user, for calling what a page calls.
    static func networkDirector(_ harness: Harness) async throws -> SignedInUser {
        let account = try #require(
            try await UserStore.findForLogin(email: "regisseur@test.nl", on: harness.app.database.sql)?.user)
        return SignedInUser(
            account: account, organisationName: harness.organisation.name,
            assignments: [RoleAssignment(role: .networkDirector, network: harness.network.id)])
    }

    @Test(
        "Only the households that changed are derived again, and the list is the one a fresh derivation gives",
        arguments: TestDatabases.backends)
    func takesOver(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, caseDirector) = try await CaseWorkTests.team(harness, client)
            let opened = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
            let user = try await WorklistTakeoverTests.networkDirector(harness)
            let reporter = AccessActor(
                user: caseDirector.id, organisation: caseDirector.organisation,
                assignments: [RoleAssignment(role: .partnerWorker, network: harness.network.id)])
            for family in ["Eerste", "Tweede"] { _ = try await Self.signal(family, harness, reporter: reporter) }
            let profile = try #require(harness.app.profiles.profile(for: harness.network))
            let worklist = NetworkWorklist(
                app: harness.app, user: user, network: harness.network, profile: profile, limit: .page,
                today: Day(Date()))
            func same(_ taken: NetworkWorklist.Part, _ fresh: NetworkWorklist.Part) {
                #expect(taken.items == fresh.items)
                #expect(taken.leftOut == fresh.leftOut)
                #expect(taken.shown.map(\.context.household) == fresh.shown.map(\.context.household))
            }

            let first = try await worklist.derive()
            #expect(first.derived == 3, "every household is read the first time")
            let kept = try #require(await harness.app.householdFacts.entries(of: harness.network.id))
            #expect(
                kept.all.count == 3 && kept.all.allSatisfy { $0.row != nil }, "rows derived land in the kept entries")
            #expect(first.items.filter { $0.kind == .signalDecision }.count == 2)
            #expect(first.items.contains { $0.kind == .directorMissing })
            let unchanged = try await worklist.derive(earlier: first)
            #expect(unchanged.derived == 0)
            same(unchanged, first)
            #expect(unchanged.identity != first.identity, "each derived part has its own identity for its rows")

            // A director appointed to the open case and a signal about a new household: those two are read again.
            #expect(
                try await director.post(
                    "/cases/\(opened)/director",
                    [
                        ("director", caseDirector.id.rawValue), ("direction", "casusregie"),
                        ("director_from", Day(Date()).dutch),
                    ]
                ).status == .found)
            _ = try await Self.signal("Derde", harness, reporter: reporter)
            let changed = try await worklist.derive(earlier: unchanged)
            #expect(changed.derived == 2)
            #expect(changed.ordered.count == (try await worklist.derive()).ordered.count)
            #expect(!changed.items.contains { $0.kind == .directorMissing }, "the appointment shows")
            #expect(changed.items.filter { $0.kind == .signalDecision }.count == 3, "the new signal shows")
            same(changed, try await worklist.derive())
        }
    }
}
