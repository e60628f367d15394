import NIOConcurrencyHelpers

/// Rendered rows of a list, one by one, by key: after a change a list is rendered again, but all its rows but one
/// or two are those rendered before. A worklist rendered its hundred rows again after every new signal in the
/// network (a tenth of what the signal cost the worklist, `perf`, forty-second session); now a row's text is looked
/// up by its key and only new rows are written. As with `FragmentCache`, nothing but the key may go into a row.
///
/// Kept in two generations rather than by last use: when the current one is full it becomes the previous one and
/// the one before that goes, a row still in use is carried over when it is next asked for, and no entry is looked
/// at on its own to choose what goes.
final class RowCache<Key: Hashable & Sendable>: Sendable {
    private struct State {
        var current: [Key: String] = [:]
        var previous: [Key: String] = [:]
    }

    private let state = NIOLockedValueBox(State())
    /// How many rows a generation holds.
    let generation: Int

    init(generation: Int) {
        self.generation = generation
    }

    /// The row for `key`: the kept one, or the one `render` makes now.
    func html(for key: Key, render: () -> String) -> String {
        let kept = state.withLockedValue { state -> String? in
            if let html = state.current[key] { return html }
            guard let html = state.previous.removeValue(forKey: key) else { return nil }
            Self.keep(html, for: key, in: &state, generation: generation)
            return html
        }
        if let kept { return kept }
        let html = render()
        state.withLockedValue { Self.keep(html, for: key, in: &$0, generation: generation) }
        return html
    }

    /// How many rows are kept (for tests).
    var count: Int { state.withLockedValue { $0.current.count + $0.previous.count } }

    private static func keep(_ html: String, for key: Key, in state: inout State, generation: Int) {
        if state.current.count >= generation {
            state.previous = state.current
            state.current = [:]
        }
        state.current[key] = html
    }
}
