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
}
