import RegieCore
import Testing

/// Small numbers are hidden and cannot be recovered from the total on the same page.
@Suite("Small-number suppression hides cells below the minimum, also against subtraction")
struct SmallNumberSuppressionTests {
    let rule = SmallNumberSuppression()

    @Test("One small cell takes the smallest other cell with it; a small total is hidden; zero stays")
    func examples() {
        let one = rule.protect([12, 3, 7])
        #expect(one.cells == [.count(12), .suppressed, .suppressed] && one.total == .count(22))
        let small = rule.protect([2, 1])
        #expect(small.cells == [.suppressed, .suppressed] && small.total == .suppressed)
        let none = rule.protect([0, 6, 8])
        #expect(none.cells == [.count(0), .count(6), .count(8)] && none.total == .count(14))
        #expect(rule.protect(single: 4) == .suppressed && rule.protect(single: 5) == .count(5))
        #expect(rule.label == "<5" && SmallNumberSuppression(minimum: 10).label == "<10")
    }

    @Test("For every breakdown of three cells: each 1–4 is hidden, and a shown total never leaves one cell hidden")
    func noRecovery() {
        for x in 0...7 {
            for y in 0...7 {
                for z in 0...7 {
                    let counts = [x, y, z]
                    let shown = rule.protect(counts)
                    for (count, cell) in zip(counts, shown.cells) where count > 0 && count < 5 {
                        #expect(cell == .suppressed)
                    }
                    if case .count = shown.total {
                        #expect(shown.cells.filter(\.isSuppressed).count != 1, "\(counts)")
                    }
                }
            }
        }
    }
}
