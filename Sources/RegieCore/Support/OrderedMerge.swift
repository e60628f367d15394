/// Two lists each already in an order, as one list in that order, where sorting them together again is not: a kept
/// list (a worklist, a signal list) takes in the few lines of the households that changed this way.
extension Array {
    /// `self` and `other`, both ordered by `precedes`, merged in that order; of equal elements those of `self` come
    /// first. Each element of `other` finds its place by halving the rest of `self`, and the elements of `self`
    /// before it are copied as one run: `other` is a household's few new lines and `self` a kept list of a thousand,
    /// which one comparison per element (copying both, when `precedes` reads a struct out of a class) walked whole.
    public func merged(with other: [Element], by precedes: (Element, Element) -> Bool) -> [Element] {
        var merged: [Element] = []
        merged.reserveCapacity(count + other.count)
        var start = startIndex
        for element in other {
            // The first of the rest of `self` that `element` precedes: before it, `self` comes first.
            var (low, high) = (start, endIndex)
            while low < high {
                let middle = low + (high - low) / 2
                if precedes(element, self[middle]) { high = middle } else { low = middle + 1 }
            }
            merged.append(contentsOf: self[start..<low])
            merged.append(element)
            start = low
        }
        merged.append(contentsOf: self[start...])
        return merged
    }
}
