import Testing

@testable import RegieCore

/// The neighbourhood view counted by hand from `ReportFixture`: Oost has households A and B (two signals, both
/// opened and active in 2026), the unknown area has C (one signal, advice only), West has D (signalled in 2025,
/// in aftercare now — not in 2026's figures).
@Suite("Neighbourhood figures: signals and cases per area, always protected against small numbers")
struct NeighbourhoodFiguresTests {
    typealias Shown = SmallNumberSuppression.Shown
    let west = CollectiveApproach.Key(network: ReportFixture.network, area: "West")

    func figures(minimum: Int, alsoShow: Set<CollectiveApproach.Key> = []) -> NeighbourhoodFigures {
        NeighbourhoodFigures(
            facts: ReportFixture.facts, period: ReportFixture.period,
            suppression: SmallNumberSuppression(minimum: minimum), alsoShow: alsoShow)
    }

    @Test("Without protection (minimum 1) the counts are exact, per area, busiest first")
    func exact() {
        let rows = figures(minimum: 1).rows
        #expect(rows.map(\.key.area) == ["Oost", ""])
        #expect(rows[0].signals == .count(2) && rows[0].households == .count(2))
        #expect(rows[0].opened == .count(2) && rows[0].active == .count(2))
        #expect(rows[0].topDomain == .init(code: "wonen", count: 2))
        #expect(rows[1].signals == .count(1) && rows[1].opened == .count(0) && rows[1].active == .count(0))
        #expect(figures(minimum: 1).totals == [.count(3), .count(3), .count(2), .count(2)])
    }

    @Test("A lone small cell takes its smallest neighbour with it, so the total cannot give it away")
    func secondary() {
        let shown = figures(minimum: 2)
        #expect(shown.rows[0].signals == .suppressed && shown.rows[1].signals == .suppressed)
        #expect(shown.totals[0] == .count(3))
        #expect(shown.rows[0].opened == .count(2) && shown.rows[1].opened == .count(0), "zero reveals no one")
        #expect(shown.rows[0].topDomain?.code == "wonen" && shown.rows[1].topDomain == nil)
    }

    @Test("With the default minimum every cell and total of this small network is hidden, and so is the top worry")
    func defaultMinimum() {
        let shown = figures(minimum: 5)
        #expect(shown.rows.allSatisfy { $0.signals == .suppressed && $0.households == .suppressed })
        #expect(shown.totals == [.suppressed, .suppressed, .suppressed, .suppressed])
        #expect(shown.rows.allSatisfy { $0.topDomain == nil })
    }

    @Test("An area marked for a collective approach keeps its row without signals in the period")
    func markedArea() {
        let rows = figures(minimum: 1, alsoShow: [west]).rows
        #expect(rows.map(\.key.area) == ["Oost", "", "West"])
        #expect(rows[2].signals == .count(0) && rows[2].active == .count(0))
    }
}
