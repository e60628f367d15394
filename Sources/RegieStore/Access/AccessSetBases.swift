import NIOConcurrencyHelpers
import RegieCore

/// The household sets this server stored in full, a few per family — one user's lists in one network for one kind
/// of access — so that a new set of the same family that differs from one of them by a few households is stored as
/// that difference (`M024AccessSetDifferences`): after a new signal the first page of a signal list is the page before
/// with one household in and one out, two rows to store instead of a hundred.
///
/// Only a set stored in full becomes a base, and only once the transaction that stored it committed: a difference
/// then always names a base the database holds (`access_sets` is append-only), and the households of a set are read
/// in one step. The decision to store a set in full is remembered until its transaction commits (`committed(_:)`);
/// should it roll back, the set is decided again when it is stored again. Each server keeps its own bases; one that
/// has none for a family stores in full, as before.
final class AccessSetBases: Sendable {
    /// A set stored in full: its id and its households, sorted by id.
    struct Base: Sendable {
        let id: String
        let members: [HouseholdID]
    }

    /// How a set is stored as a difference: its base, and the households it adds to and leaves out of it.
    struct Difference: Sendable, Equatable {
        let base: String
        let added: [HouseholdID]
        let removed: [HouseholdID]
    }

    private struct State {
        var bases: [String: [Base]] = [:]
        /// Sets decided to be stored in full in a transaction not yet committed, with their family.
        var inFull: [String: (family: String, members: [HouseholdID])] = [:]
    }

    private let state = NIOLockedValueBox(State())
    /// The bases kept per family, newest first: a user's worklist and the pages of their signal list each keep theirs.
    static let perFamily = 4
    /// Families (and undecided sets) kept at most; past it the memory starts again empty.
    static let capacity = 20_000

    /// How to store the new set `id` with households `members` (sorted by id) of `family`: as a difference from the
    /// nearest base of the family when at most a quarter of the set changed, or `nil` — in full.
    func decide(_ id: String, members: [HouseholdID], family: String) -> Difference? {
        state.withLockedValue { state in
            var best: Difference?
            for base in state.bases[family] ?? [] {
                let limit = min(members.count / 4, best.map { $0.added.count + $0.removed.count - 1 } ?? .max)
                if let difference = Self.difference(of: members, from: base, limit: limit) { best = difference }
            }
            if best == nil {
                if state.inFull.count >= Self.capacity { state.inFull.removeAll(keepingCapacity: true) }
                state.inFull[id] = (family, members)
            } else {
                state.inFull[id] = nil
            }
            return best
        }
    }

    /// Forgets any decision on sets found stored already: their transaction stores nothing of them.
    func forget(_ ids: some Sequence<String>) {
        state.withLockedValue { state in
            for id in ids { state.inFull[id] = nil }
        }
    }

    /// Makes the sets decided in full among `ids` bases of their families, now that their transaction committed.
    func committed(_ ids: some Sequence<String>) {
        state.withLockedValue { state in
            for id in ids {
                guard let decided = state.inFull.removeValue(forKey: id) else { continue }
                if state.bases.count >= Self.capacity { state.bases.removeAll(keepingCapacity: true) }
                var bases = state.bases[decided.family] ?? []
                bases.insert(Base(id: id, members: decided.members), at: 0)
                state.bases[decided.family] = Array(bases.prefix(Self.perFamily))
            }
        }
    }

    /// The households `members` adds to and leaves out of `base` (both sorted by id), or `nil` when more than `limit`
    /// of them change.
    static func difference(of members: [HouseholdID], from base: Base, limit: Int) -> Difference? {
        var added: [HouseholdID] = []
        var removed: [HouseholdID] = []
        var (new, old) = (members.startIndex, base.members.startIndex)
        while new < members.endIndex || old < base.members.endIndex {
            if old == base.members.endIndex
                || new < members.endIndex && members[new].rawValue < base.members[old].rawValue
            {
                added.append(members[new])
                new += 1
            } else if new == members.endIndex || base.members[old].rawValue < members[new].rawValue {
                removed.append(base.members[old])
                old += 1
            } else {
                new += 1
                old += 1
            }
            if added.count + removed.count > limit { return nil }
        }
        return Difference(base: base.id, added: added, removed: removed)
    }
}
