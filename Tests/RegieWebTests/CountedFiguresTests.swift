import Foundation
import RegieCore
import Testing

@testable import RegieWeb

/// After a change the dashboard's figures are counted on from those of the reading the change built on, and
/// counted afresh from anything else.
@Suite("CountedFigures")
struct CountedFiguresTests {
    static let network = NetworkID(rawValue: "n1")
    static let today = Day("01-06-2026")!
    static let period = ReportPeriod(from: Day("01-01-2026")!, to: Day("31-12-2026")!)

    static func fact(_ household: HouseholdID, _ phase: CasePhase, channel: String = "form") -> FigureFacts {
        FigureFacts(
            household: household, network: network, phase: phase,
            signals: [
                .init(receivedOn: today, sourceKind: .police, channel: channel, neighbourhood: "Oost", domains: [])
            ],
            decision: nil, openedOn: nil, firstDirectorOn: nil, currentDirector: nil, firstAdoptedOn: nil,
            planComplete: nil, householdWords: false, informalNetwork: false, escalations: [], closures: [],
            scores: [:], organisations: 0)
    }

    static func reading(_ stamp: String, _ facts: [FigureFacts], change: FigureFactsLedger.Change?)
        -> FigureFactsLedger.Reading
    {
        .init(
            stamp: stamp, day: today, profiles: [], sources: [:],
            facts: Dictionary(uniqueKeysWithValues: facts.map { ($0.household, $0) }), change: change)
    }

    static func count(_ reading: FigureFactsLedger.Reading, on earlier: CountedFigures?) -> CountedFigures {
        CountedFigures.count(
            reading, on: earlier, period: period, profiles: { _ in nil }, calendar: WorkingDayCalendar(),
            today: today)
    }

    static func channels(_ figures: NetworkFigures) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: (figures.breakdown("inflow_channel")?.cells ?? []).map { ($0.code, $0.count) })
    }

    @Test("A household changed, one gone and one new: counted on, the figures are those counted afresh")
    func countedOn() {
        let (a, b, c) = (HouseholdID(), HouseholdID(), HouseholdID())
        let first = Self.reading("1", [Self.fact(a, .intake), Self.fact(b, .active)], change: nil)
        let counted = Self.count(first, on: nil)
        let second = Self.reading(
            "2", [Self.fact(a, .active, channel: "phone"), Self.fact(c, .intake)],
            change: .init(since: "1", households: [a, b, c], before: first.facts))
        let on = Self.count(second, on: counted).figures
        let afresh = Self.count(second, on: nil).figures
        #expect(on.breakdowns == afresh.breakdowns && on.leadTimes == afresh.leadTimes)
        #expect(Self.channels(on) == ["form": 1, "phone": 1])
        let phases = (on.breakdown("open_phase")?.cells ?? []).map { ($0.code, $0.households) }
        #expect(Dictionary(uniqueKeysWithValues: phases) == ["active": [a], "intake": [c]], "b's share is out")
    }

    @Test("Counted on only from figures of the reading the change built on; from any other, afresh")
    func onlyFromItsReading() {
        let (a, marker) = (HouseholdID(), HouseholdID())
        // Figures that hold a household the readings do not: it stays only where the figures are counted on.
        var tally = FigureTally(period: Self.period, calendar: WorkingDayCalendar(), today: Self.today)
        tally.add(Self.fact(marker, .active, channel: "email"), profile: nil)
        let second = Self.reading(
            "2", [Self.fact(a, .active)], change: .init(since: "1", households: [a], before: [:]))
        let on = Self.count(second, on: CountedFigures(stamp: "1", tally: tally)).figures
        #expect(Self.channels(on) == ["form": 1, "email": 1], "counted on: the marker's share is still there")
        let other = Self.count(second, on: CountedFigures(stamp: "0", tally: tally)).figures
        #expect(Self.channels(other) == ["form": 1], "built on another reading: counted afresh")
        let whole = Self.reading("3", [Self.fact(a, .active)], change: nil)
        #expect(Self.channels(Self.count(whole, on: CountedFigures(stamp: "2", tally: tally)).figures) == ["form": 1])
    }
}
