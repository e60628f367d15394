import NIOConcurrencyHelpers
import NIOCore

/// How many SQLite statements may run at once on the threads of the tasks that ask for them instead of on SQLite's
/// thread pool. The hop to the pool and back costs two thread switches per statement — under a mixed load at region
/// scale a quarter of the server's time, where a statement is some tens of microseconds in the operating system's
/// cache. But those threads are Swift's cooperative ones, as many as the cores: a long statement (a backup's
/// `VACUUM INTO`, a region's figures) on each of them would hold up every request. So at most one less than the cores
/// (at least one) run there; the others go to the pool. Shared by the reading connections and the transactions.
final class SQLiteInlinePlaces: Sendable {
    /// Statements running on their tasks' threads at once, at most.
    let limit: Int
    private let taken = NIOLockedValueBox(0)

    init(limit: Int = max(1, System.coreCount - 1)) { self.limit = max(0, limit) }

    /// Runs `body`, telling it whether it holds a place (and may run its statement on this thread) or not.
    func run<T>(_ body: (_ inline: Bool) async throws -> T) async throws -> T {
        let inline = taken.withLockedValue { taken in
            guard taken < limit else { return false }
            taken += 1
            return true
        }
        defer { if inline { taken.withLockedValue { $0 -= 1 } } }
        return try await body(inline)
    }
}
