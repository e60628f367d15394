import RegieCore
import Testing

@Suite("Worklist limit")
struct WorklistLimitTests {
    static func item(_ kind: WorklistItem.Kind, _ day: Int) -> WorklistItem {
        WorklistItem(
            kind: kind, link: "/", reference: "R\(day)", why: "x", since: Day("2026-01-01")!.adding(days: day), due: nil
        )
    }

    @Test("A page shows the oldest items of each kind up to the limit and counts the rest per kind")
    func limited() {
        let items =
            (0..<30).map { Self.item(.signalDecision, 30 - $0) } + (0..<3).map { Self.item(.stalled, $0) }
            + [Self.item(.escalationDecision, 5)]
        let (shown, leftOut) = WorklistLimit(perKind: 25).apply(items, item: { $0 })
        #expect(shown.count == 29)
        #expect(shown.first?.kind == .escalationDecision, "the most pressing kind first")
        let signals = shown.filter { $0.kind == .signalDecision }
        #expect(signals.count == 25 && signals.map(\.since) == signals.map(\.since).sorted())
        #expect(signals.last?.since == Day("2026-01-01")!.adding(days: 25), "the five newest wait")
        #expect(leftOut == [.signalDecision: 5])
        let all = WorklistLimit.everything.apply(items, item: { $0 })
        #expect(all.shown.count == 34 && all.leftOut.isEmpty)
    }

    @Test("Lists in worklist order merged and cut give what ordering and limiting them together gives")
    func mergedAndCut() {
        let first = WorklistItem.ordered(
            (0..<30).map { Self.item(.signalDecision, 40 - $0) } + (0..<4).map { Self.item(.stalled, $0 * 3) })
        let second = WorklistItem.ordered(
            [Self.item(.signalDecision, 1), Self.item(.escalationDecision, 2), Self.item(.stalled, 4)])
        let merged = first.merged(with: second, by: WorklistItem.precedes)
        #expect(merged == WorklistItem.ordered(first + second))
        let limit = WorklistLimit(perKind: 25)
        let cut = limit.cut(merged, kind: \.kind)
        let applied = limit.apply(second + first, item: { $0 })
        #expect(cut.shown == applied.shown && cut.leftOut == applied.leftOut)
        #expect(cut.leftOut == [.signalDecision: 6])
        #expect([].merged(with: second, by: WorklistItem.precedes) == second)
        #expect(first.merged(with: [], by: WorklistItem.precedes) == first)
    }

    @Test("A cut by runs of kinds shows and leaves out what counting every entry one by one does")
    func cutByRuns() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let items = WorklistItem.ordered(
                (0..<Int.random(in: 0...60, using: &random)).map { _ in
                    Self.item(WorklistItem.Kind.allCases.randomElement(using: &random)!, Int.random(in: 0...9))
                })
            for perKind in [0, 1, 3, 25] {
                var counted: [WorklistItem.Kind: Int] = [:]
                var shown: [WorklistItem] = []
                var leftOut: [WorklistItem.Kind: Int] = [:]
                for item in items {
                    counted[item.kind, default: 0] += 1
                    if counted[item.kind]! <= perKind {
                        shown.append(item)
                    } else {
                        leftOut[item.kind, default: 0] += 1
                    }
                }
                let cut = WorklistLimit(perKind: perKind).cut(items, kind: \.kind)
                #expect(cut.shown == shown && cut.leftOut == leftOut, "\(items.count) items, \(perKind) a kind")
            }
        }
    }
}
