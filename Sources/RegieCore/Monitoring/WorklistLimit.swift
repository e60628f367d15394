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

    /// As `apply`, for entries already in worklist order: one pass, no comparisons (a network's list kept in order
    /// is cut again after every change). `kind` reads an entry's kind, not its whole item: a director's kept list
    /// has a thousand entries.
    public func cut<Entry>(_ ordered: [Entry], kind: (Entry) -> WorklistItem.Kind)
        -> (shown: [Entry], leftOut: [WorklistItem.Kind: Int])
    {
        guard let perKind else { return (ordered, [:]) }
        var counts: [WorklistItem.Kind: Int] = [:]
        var shown: [Entry] = []
        var leftOut: [WorklistItem.Kind: Int] = [:]
        for entry in ordered {
            let kind = kind(entry)
            counts[kind, default: 0] += 1
            if counts[kind]! <= perKind { shown.append(entry) } else { leftOut[kind, default: 0] += 1 }
        }
        return (shown, leftOut)
    }
}
