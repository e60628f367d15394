import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("The last aftercare answer ends the aftercare and leads the partner on, not to a refusal")
struct AftercareCompletionTests {
    @Test(
        "Answering the only check of an Enschede case closes it: the partner lands on the worklist with a notice",
        arguments: TestDatabases.backends)
    func lastAnswer(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, caseDirector) = try await CaseWorkTests.team(harness, client)
            let (id, _, _) = try await CaseLifeTests.adoptedCase(
                harness, director: &director, partner: &partner, caseDirector: caseDirector)
            let page = "/cases/\(id)"
            _ = try await director.post(
                "\(page)/closure",
                [
                    ("closure_reason", "self_reliant"), ("closed_on", Day(Date()).dutch), ("safety_check", "safe"),
                    ("closure_safety_note", "Iedereen veilig"),
                ])
            let answer = try await partner.post("\(page)/aftercare", [("aftercare_answer", "ended_well")])
            #expect(answer.location == "/?notice=notice.aftercare_completed")
            #expect(try await partner.get("/?notice=notice.aftercare_completed").body.contains("de nazorg is afgerond"))
            #expect(try await partner.get(page).status == .forbidden, "a closed file is shut to the partners")
            #expect(try await director.get(page).body.contains("Nazorg afgerond"), "the timeline records the end")
            let again = try await director.post("\(page)/aftercare", [("aftercare_answer", "ended_well")])
            #expect(again.status != .found, "no answer after the last check")
        }
    }

    @Test(
        "A due aftercare check on the partner's worklist passes the access policy and is logged as seen",
        arguments: TestDatabases.backends)
    func dueCheckLogged(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, caseDirector) = try await CaseWorkTests.team(harness, client)
            let (id, _, _) = try await CaseLifeTests.adoptedCase(
                harness, director: &director, partner: &partner, caseDirector: caseDirector)
            #expect(
                try await director.post(
                    "/cases/\(id)/closure",
                    [
                        ("closure_reason", "self_reliant"), ("closed_on", Day(Date()).adding(days: -400).dutch),
                        ("safety_check", "safe"), ("closure_safety_note", "Iedereen veilig"),
                    ]
                ).status == .found)
            let partnerID = try #require(
                try await UserStore.findForLogin(email: "partner@test.nl", on: harness.app.database.sql)
            ).user.id
            func seen() async throws -> Int {
                try await AccessLogStore.entries(household: HouseholdID(rawValue: id), on: harness.app.database.sql)
                    .filter { $0.action == AccessAction.viewProcess.rawValue && $0.userId == partnerID.rawValue }.count
            }
            let before = try await seen()
            #expect(try await partner.get("/").body.contains("Nazorgcheck"))
            #expect(try await seen() == before + 1)
        }
    }

    @Test(
        "Aftercare checks beyond the list's limit are counted as left out, and neither shown nor logged as seen",
        arguments: TestDatabases.backends)
    func checksBeyondTheLimit(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, _) = try await CaseWorkTests.team(harness, client)
            var closed: [HouseholdID] = []
            for family in ["Eerstens", "Tweedens"] {
                _ = try await partner.post("/signals/new", SignalTests.fields(family: family))
                let signal = try await CaseWorkTests.column(harness, "SELECT id AS v FROM signals ORDER BY id").last!
                _ = try await director.post(
                    "/signals/\(signal)/decision",
                    [("urgency", "normal"), ("safety", "safe"), ("outcome", "coordinate")])
                _ = try await director.post(
                    "/signals/\(signal)/coordination",
                    [("coordination", "open_case"), ("coordination_reason", "Drie leefgebieden")])
                let household = try await CaseWorkTests.column(
                    harness, "SELECT household_id AS v FROM signals WHERE id = '\(signal)'")[0]
                _ = try await director.post(
                    "/cases/\(household)/lawful-basis", [("basis", "legal_task"), ("basis_note", "Wmo")])
                #expect(
                    try await director.post(
                        "/cases/\(household)/closure",
                        [
                            ("closure_reason", "self_reliant"), ("closed_on", Day(Date()).adding(months: -7).dutch),
                            ("safety_check", "safe"), ("closure_safety_note", "Iedereen veilig"),
                        ]
                    ).status == .found)
                closed.append(HouseholdID(rawValue: household))
            }
            let user = try await WorklistTakeoverTests.networkDirector(harness)
            let profile = try #require(harness.app.profiles.profile(for: harness.network))
            let part = try await NetworkWorklist(
                app: harness.app, user: user, network: harness.network, profile: profile,
                limit: WorklistLimit(perKind: 1), today: Day(Date())
            ).derive()
            #expect(
                part.items.filter { $0.kind == .aftercareCheckDue }.count == 1
                    && part.leftOut[.aftercareCheckDue] == 1)
            let logged = Set(part.shown.map(\.context.household)).intersection(closed)
            #expect(logged.count == 1, "only the household whose check is shown")
            let all = try await NetworkWorklist(
                app: harness.app, user: user, network: harness.network, profile: profile, limit: .page,
                today: Day(Date())
            ).derive()
            #expect(
                all.items.filter { $0.kind == .aftercareCheckDue }.count == 2
                    && Set(all.shown.map(\.context.household)).isSuperset(of: closed))
        }
    }
}
