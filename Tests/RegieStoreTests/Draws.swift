import Synchronization

/// Values handed out one by one, the last one again when they run out.
final class Draws: Sendable {
    private let values: Mutex<[String]>

    init(_ values: [String]) { self.values = Mutex(values) }

    func take() -> String {
        values.withLock { $0.count > 1 ? $0.removeFirst() : $0[0] }
    }
}
