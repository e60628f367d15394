import NIOConcurrencyHelpers

/// Rendered HTML of a page part whose text follows from its key alone (the rows it shows, the language, the day):
/// a request with a key seen before gets the text rendered then, without Mustache running again. Mustache looks up
/// every `{{value}}` through several dynamic casts; the hundred rows of a director's worklist took a quarter of the
/// request. Nothing but the key may go into the rendering — no user, no form token — so a kept text is always the
/// text the key would render now.
///
/// Bounded twice: by the number of texts and by their size together (a list shown in full can be large); the least
/// recently used goes first.
final class FragmentCache<Key: Hashable & Sendable>: Sendable {
    private struct Entry {
        let html: String
        var used: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var clock: UInt64 = 0
        var bytes = 0
    }

    private let state = NIOLockedValueBox(State())
    private let capacity: Int
    private let byteBudget: Int

    init(capacity: Int, byteBudget: Int) {
        self.capacity = capacity
        self.byteBudget = byteBudget
    }

    /// The text for `key`: the kept one, or the one `render` makes now (kept unless it alone exceeds the budget).
    /// Two requests missing the same key at once both render; the second text replaces the equal first.
    func html(for key: Key, render: () -> String) -> String {
        let kept = state.withLockedValue { state -> String? in
            // Found once and marked in place: a key of a hundred rows is costly to hash twice.
            guard let index = state.entries.index(forKey: key) else { return nil }
            state.clock += 1
            state.entries.values[index].used = state.clock
            return state.entries.values[index].html
        }
        if let kept { return kept }
        let html = render()
        let size = html.utf8.count
        guard size <= byteBudget else { return html }
        state.withLockedValue { state in
            state.clock += 1
            if let replaced = state.entries.updateValue(Entry(html: html, used: state.clock), forKey: key) {
                state.bytes -= replaced.html.utf8.count
            }
            state.bytes += size
            while state.entries.count > capacity || state.bytes > byteBudget,
                let oldest = state.entries.min(by: { $0.value.used < $1.value.used })
            {
                state.entries[oldest.key] = nil
                state.bytes -= oldest.value.html.utf8.count
            }
        }
        return html
    }

    /// How many texts are kept, for tests.
    var count: Int { state.withLockedValue { $0.entries.count } }
}
