/// Two lists each already in an order, as one list in that order — linear, where sorting them together again is
/// not: a kept list (a worklist, a signal list) takes in the few lines of the households that changed this way.
extension Array {
    /// `self` and `other`, both ordered by `precedes`, merged in that order; of equal elements those of `self` come
    /// first.
    public func merged(with other: [Element], by precedes: (Element, Element) -> Bool) -> [Element] {
        var merged: [Element] = []
        merged.reserveCapacity(count + other.count)
        var (i, j) = (startIndex, other.startIndex)
        while i < endIndex, j < other.endIndex {
            if precedes(other[j], self[i]) {
                merged.append(other[j])
                j += 1
            } else {
                merged.append(self[i])
                i += 1
            }
        }
        merged.append(contentsOf: self[i...])
        merged.append(contentsOf: other[j...])
        return merged
    }
}
