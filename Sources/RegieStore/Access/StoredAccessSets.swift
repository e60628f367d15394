import NIOConcurrencyHelpers

/// The household sets (`AccessLogSets`) this server has seen committed to `access_sets`. That table is append-only —
/// the database refuses to change or delete its rows — so a set once committed stays stored, and a list page seen
/// again names a stored set: its access is logged without first asking the database whether the set is there, and on
/// PostgreSQL in one statement of its own, without a transaction around it (`GroupCommit`).
///
/// A set is remembered only once the transaction that stored it (or named it) committed: a set inserted in a
/// transaction that was rolled back must be inserted again. Each server keeps its own; one that has not seen a set
/// asks, as before.
final class StoredAccessSets: Sendable {
    private let known = NIOLockedValueBox<Set<String>>([])
    /// Enough for every list page of a busy region between two changes; past it the memory starts again empty.
    static let capacity = 20_000

    /// Whether `set` is known to be stored.
    func contains(_ set: String) -> Bool { known.withLockedValue { $0.contains(set) } }

    /// Remembers sets whose transaction committed.
    func remember(_ sets: some Sequence<String>) {
        known.withLockedValue { known in
            known.formUnion(sets)
            if known.count > Self.capacity { known.removeAll(keepingCapacity: true) }
        }
    }
}
