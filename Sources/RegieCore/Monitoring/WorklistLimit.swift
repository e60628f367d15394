/// How much of the worklist one page shows: at most `perKind` items of each kind, the most pressing first (worklist
/// order). At region scale a network director's list runs into the hundreds — a page nobody reads to the end — so
/// what is left out is counted per kind, for the page to say so and to offer the whole list.
public struct WorklistLimit: Sendable, Hashable {
    /// Items shown per kind; `nil` shows everything.
    public let perKind: Int?

    public static let everything = WorklistLimit(perKind: nil)
    /// What the home page shows unless the user asks for the whole list.
    public static let page = WorklistLimit(perKind: 25)

    public init(perKind: Int?) { self.perKind = perKind }

    /// The entries shown and, per kind, how many were left out. `entries` may carry more than the item (the
    /// household it came from); they are ordered here.
    public func apply<Entry>(_ entries: [Entry], item: (Entry) -> WorklistItem)
        -> (shown: [Entry], leftOut: [WorklistItem.Kind: Int])
    {
        // Ordered by position, so each comparison reads two items instead of copying two entries.
        let items = entries.map(item)
        let ordered = items.indices.sorted { WorklistItem.precedes(items[$0], items[$1]) }
        let (shown, leftOut) = cut(ordered, kind: { items[$0].kind })
        return (shown.map { entries[$0] }, leftOut)
    }

    /// As `apply`, for entries already in worklist order: no comparisons (a network's list kept in order is cut
    /// again after every change). Worklist order puts the kinds one after the other, so each kind is one run,
    /// whose end is found by halving: a director's kept list has a thousand entries, and reading every entry's kind
    /// (through the class that holds it) and counting it was most of cutting it.
    public func cut<Entry>(_ ordered: [Entry], kind: (Entry) -> WorklistItem.Kind)
        -> (shown: [Entry], leftOut: [WorklistItem.Kind: Int])
    {
        guard let perKind else { return (ordered, [:]) }
        var shown: [Entry] = []
        var leftOut: [WorklistItem.Kind: Int] = [:]
        var start = ordered.startIndex
        while start < ordered.endIndex {
            let current = kind(ordered[start])
            // The first entry of another kind: every entry before it in the run is of this one.
            var (low, high) = (start + 1, ordered.endIndex)
            while low < high {
                let middle = low + (high - low) / 2
                if kind(ordered[middle]) == current { low = middle + 1 } else { high = middle }
            }
            shown.append(contentsOf: ordered[start..<min(low, start + perKind)])
            if low - start > perKind { leftOut[current] = low - start - perKind }
            start = low
        }
        return (shown, leftOut)
    }
}
