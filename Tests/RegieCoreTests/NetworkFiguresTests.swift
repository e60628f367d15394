import Foundation
import RegieCore
import Testing

/// Every figure of the dashboard against the hand-computed sums of `ReportFixture`.
@Suite("Management figures count the fixture as computed by hand")
struct NetworkFiguresTests {
    let library = try! ProfileLibrary.bundled()

    var figures: NetworkFigures {
        let enschede = library.profile(code: "enschede")
        return NetworkFigures(
            facts: ReportFixture.facts, period: ReportFixture.period, profiles: { _ in enschede },
            calendar: WorkingDayCalendar(), today: ReportFixture.today)
    }

    func counts(_ key: String) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: (figures.breakdown(key)?.cells ?? []).map { ($0.code, $0.count) })
    }

    @Test("Inflow by source, channel, area and domain counts signals received in the period only")
    func inflow() {
        #expect(counts("inflow_source") == ["police": 2, "school": 1])
        #expect(counts("inflow_channel") == ["form": 2, "phone": 1])
        #expect(counts("inflow_area") == ["Oost": 2, "": 1])
        #expect(figures.breakdown("inflow_area")?.byArea == true)
        #expect(counts("inflow_domain") == ["wonen": 2, "financien": 1, "opvoeding": 1])
        #expect(figures.breakdown("inflow_source")?.cells.first?.households == [ReportFixture.a, ReportFixture.b])
    }

    @Test("Decisions, open cases, caseload, escalations, closures, aftercare and organisations per case")
    func process() {
        #expect(counts("decisions") == ["coordinate": 2, "advice_only": 1])
        #expect(counts("open_phase") == ["active": 2, "aftercare": 1])
        #expect(counts("caseload") == ["Carla": 2])
        #expect(counts("escalation_kind") == ["content": 1])
        #expect(counts("escalation_rung") == ["content:2": 1])
        #expect(counts("escalation_outcome") == ["decided": 1])
        #expect(counts("closure_reason") == ["refuses": 1])
        #expect(counts("aftercare_result") == ["still_in_care": 1])
        #expect(counts("organisations_per_case") == ["3": 1, "1": 1, "2": 1])
        #expect(figures.relapse.closures == 1 && figures.relapse.relapsed == 1)
    }

    @Test("Lead times: median, nearest-rank 90th percentile and the share within Enschede's working-day norms")
    func leadTimes() throws {
        let times = Dictionary(uniqueKeysWithValues: figures.leadTimes.map { ($0.key, $0) })
        let decision = try #require(times["signal_to_decision"])
        #expect(decision.count == 3 && decision.median == 3 && decision.percentile90 == 13)
        #expect(decision.withinNorm == 2 && decision.withinNormPercent == 67, "B took 13 days for 5 working days")
        let director = try #require(times["decision_to_director"])
        #expect(director.count == 2 && director.median == 9 && director.percentile90 == 14 && director.withinNorm == 1)
        let plan = try #require(times["director_to_plan"])
        #expect(plan.count == 1 && plan.median == 11 && plan.withinNorm == 1, "11 days = 9 working days ≤ 10")
        let whole = try #require(times["signal_to_plan"])
        #expect(whole.count == 1 && whole.median == 18 && whole.withinNorm == nil, "no norm for the whole way")
    }

    @Test("Self-sufficiency: the average change per domain between the first and the last assessment")
    func scores() {
        let changes = Dictionary(uniqueKeysWithValues: figures.scoreChanges.map { ($0.domain, $0) })
        #expect(changes["wonen"]?.averageChange == 0.5 && changes["wonen"]?.improved == 1)
        #expect(changes["financien"]?.averageChange == 0 && changes["financien"]?.households.count == 1)
    }

    @Test("An empty period has no lead times and empty breakdowns")
    func empty() {
        let none = NetworkFigures(
            facts: ReportFixture.facts, period: ReportPeriod(from: Day("01-01-2020")!, to: Day("31-12-2020")!),
            profiles: { _ in nil }, calendar: WorkingDayCalendar(), today: ReportFixture.today)
        #expect(none.breakdown("inflow_source")?.cells.isEmpty == true)
        #expect(none.leadTimes.allSatisfy { $0.count == 0 && $0.median == nil && $0.percentile90 == nil })
    }
}
