/// Small-number protection for figures that leave the network or are about areas: a count below the minimum
/// (default 5) that is not zero is shown as "<5", and it cannot be recovered by subtracting the other cells from the
/// total on the same page.
///
/// Primary suppression hides every cell 1…minimum−1. Secondary suppression: when exactly one cell is hidden and the
/// total is shown, the smallest other non-zero cell is hidden too, so the hidden cells can only be known together.
/// A total below the minimum is itself hidden. Zero stays visible (it reveals no person).
public struct SmallNumberSuppression: Sendable, Hashable {
    public static let defaultMinimum = 5

    public let minimum: Int

    public init(minimum: Int = Self.defaultMinimum) { self.minimum = max(minimum, 1) }

    /// What is shown for one count.
    public enum Shown: Sendable, Hashable {
        case count(Int)
        case suppressed

        public var isSuppressed: Bool { self == .suppressed }
    }

    /// The cells and total of a breakdown as they may be shown.
    public func protect(_ counts: [Int]) -> (cells: [Shown], total: Shown) {
        let total = counts.reduce(0, +)
        var hidden = Set(counts.indices.filter { counts[$0] > 0 && counts[$0] < minimum })
        let totalHidden = total > 0 && total < minimum
        if hidden.count == 1 && !totalHidden {
            let partner = counts.indices.filter { !hidden.contains($0) && counts[$0] > 0 }
                .min { (counts[$0], $0) < (counts[$1], $1) }
            if let partner { hidden.insert(partner) }
        }
        let cells = counts.indices.map { hidden.contains($0) ? Shown.suppressed : .count(counts[$0]) }
        return (cells, totalHidden ? .suppressed : .count(total))
    }

    /// One single count shown on its own (no total beside it).
    public func protect(single count: Int) -> Shown {
        count > 0 && count < minimum ? .suppressed : .count(count)
    }

    /// The text shown for a hidden count, e.g. "<5".
    public var label: String { "<\(minimum)" }
}
