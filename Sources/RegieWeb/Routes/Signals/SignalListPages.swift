import RegieCore
import RegieStore

/// The pages of one derived signal list as they were shown — HTML in one language and the access log's grouping of
/// the households on it — kept with the list (`SignalListView.Derived`), which holds for one user, filter and day
/// while nothing in the network changed. A page seen again is then neither put together from its lines' rows (each
/// line keeps its own, `SignalListView.Line.row`) nor grouped for the log; every view is still logged.
final class SignalListPages: Sendable {
    /// Which page, in which language, under which of the network's norms (an operator's override changes the
    /// rows' ages and concern names without touching the households).
    struct Key: Hashable, Sendable {
        let start: Int
        let locale: String
        let profile: ProfileSettings
    }

    /// One page as shown.
    struct Shown: Sendable {
        let html: String
        let isEmpty: Bool
        let log: AccessLogList
    }

    private let kept = KeptValues<Key, Shown>()

    /// The page under `key`: kept, or made by `make` now and kept.
    func page(_ key: Key, make: () -> Shown) -> Shown { kept.value(key, make: make) }
}
