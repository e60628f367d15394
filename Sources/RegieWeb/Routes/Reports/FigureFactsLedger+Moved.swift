import RegieCore
import RegieStore

extension FigureFactsLedger.Reading {
    /// The households whose facts may differ between this reading and `sources` (each network's versions now), and
    /// those in none of the networks any more. Each network answers from its merges where they reach back to the
    /// versions this reading was read at — after one new signal, one household — and otherwise household by
    /// household (comparing all of a region network's 2,500 versions after every change took 2.5 % of the server
    /// while signals arrived during dashboard views).
    func moved(to sources: [NetworkID: NetworkFactVersions]) -> (changed: [HouseholdID], gone: [HouseholdID]) {
        var changed = Set<HouseholdID>()
        var left = Set<HouseholdID>()
        for (network, now) in sources {
            let before = self.sources[network]
            if let before, let moved = now.changed(since: before.reading) {
                changed.formUnion(moved)
                continue
            }
            let earlier = Dictionary(
                (before?.versions ?? []).map { ($0.household, $0.version) }, uniquingKeysWith: { _, last in last })
            for (household, version) in now.versions where earlier[household] != version { changed.insert(household) }
            for household in earlier.keys where now.position(of: household) == nil { left.insert(household) }
        }
        // A household that moved between two of the networks is read again, not dropped.
        return (Array(changed), Array(left.subtracting(changed)))
    }
}
