import Testing

@testable import RegieCore

@Suite("Plan carry-over: a reopened case's new plan can start from the goals of the closed one")
struct PlanCarryOverTests {
    let day = Day("2026-09-01")!

    func goal(_ key: String, _ domain: String, _ persons: [String]) -> PlanGoal {
        PlanGoal(
            key: key, domain: domain, persons: persons, description: "Doel \(domain)", householdWords: "eigen woorden",
            targetOn: day)
    }

    func keys() -> () -> String {
        var next = 0
        return {
            next += 1
            return "nieuw-\(next)"
        }
    }

    @Test("The version in force comes over, not a revision in progress nor one replaced")
    func versionInForce() {
        let versions: [(status: PlanStatus, number: Int, goals: [PlanGoal])] = [
            (.revised, 1, [goal("a", "wonen", ["p1"])]),
            (.concept, 3, [goal("c", "werk", ["p1"])]),
            (.adopted, 2, [goal("b", "financien", ["p1", "p2"]), goal("d", "gezondheid", ["p2"])]),
        ]
        let goals = PlanCarryOver.goals(from: versions, members: ["p1", "p2"], newKey: keys())
        #expect(goals.map(\.domain) == ["financien", "gezondheid"])
        #expect(goals.map(\.key) == ["nieuw-1", "nieuw-2"], "fresh keys: old commitments stay with the old plan")
        #expect(goals[0].persons == ["p1", "p2"] && goals[0].householdWords == "eigen woorden")
        #expect(goals[0].targetOn == day && goals[0].description == "Doel financien")
    }

    @Test("A plan closed before adoption gives its newest version")
    func neverAdopted() {
        let versions: [(status: PlanStatus, number: Int, goals: [PlanGoal])] = [
            (.concept, 1, [goal("a", "wonen", ["p1"])])
        ]
        #expect(PlanCarryOver.goals(from: versions, members: ["p1"], newKey: keys()).map(\.domain) == ["wonen"])
        #expect(PlanCarryOver.goals(from: [], members: ["p1"], newKey: keys()).isEmpty)
    }

    @Test("Only members still in the household come over; a goal with none of them left stays behind")
    func membersLeft() {
        let versions: [(status: PlanStatus, number: Int, goals: [PlanGoal])] = [
            (.adopted, 1, [goal("a", "wonen", ["p1", "p2"]), goal("b", "werk", ["p2"]), goal("c", "school", ["p3"])])
        ]
        let goals = PlanCarryOver.goals(from: versions, members: ["p1", "p3"], newKey: keys())
        #expect(goals.map(\.domain) == ["wonen", "school"])
        #expect(goals.map(\.persons) == [["p1"], ["p3"]])
    }
}
