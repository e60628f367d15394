import NIOConcurrencyHelpers

/// Values made once per key and kept for as long as their owner lives: a derived list's pages
/// (`SignalListPages`), a list line's rows (`SignalListView.Line`). Nothing is ever dropped; the owner is, when
/// what it was derived from changes.
final class KeptValues<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let values = NIOLockedValueBox([Key: Value]())

    /// The value under `key`: kept, or made by `make` now and kept. Made outside the lock, so two requests asking
    /// at once may both make it; they make equal values and either is kept.
    func value(_ key: Key, make: () -> Value) -> Value {
        if let value = values.withLockedValue({ $0[key] }) { return value }
        let value = make()
        values.withLockedValue { $0[key] = value }
        return value
    }
}
