import SQLKit

/// Runs the writes that many requests hand in at about the same time in one transaction, one after the other, and
/// answers each request only after that transaction committed.
///
/// SQLite has one writer, and a commit costs more than the statements before it: its pages go to the write-ahead
/// log and wake the waiting threads. Sixteen users opening their worklist (each logging the households it shows) or
/// a partner system posting signals would otherwise be sixteen transactions queueing, each writing the same index
/// pages again. Nothing waits on a timer: the first submission starts a transaction at once, and whatever arrives
/// while it runs goes into the next. The writes inside a shared transaction run in arrival order and each sees the
/// ones before it, so the outcome is the one they would have had one by one. When a shared transaction fails, each
/// of its writes runs again in a transaction of its own, so one bad write never costs the others theirs — which is
/// why a grouped write may run twice and must not act outside the database.
actor GroupCommit {
    /// One request's write and the request waiting for its result.
    private struct Submission {
        let body: @Sendable (any SQLDatabase) async throws -> any Sendable
        let done: CheckedContinuation<any Sendable, any Error>
    }

    private var pending: [Submission] = []
    private var writing = false
    /// Told the number of writes at the start of every transaction; lets tests see how writes were grouped.
    private let observe: (@Sendable (Int) async -> Void)?

    init(observe: (@Sendable (Int) async -> Void)? = nil) {
        self.observe = observe
    }

    /// Runs `body` inside a transaction of `database`; returns its result once that transaction committed, or
    /// throws what stopped it.
    func submit<T: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> T, to database: RegieDatabase
    )
        async throws -> T
    {
        let result = try await withCheckedThrowingContinuation { (done: CheckedContinuation<any Sendable, any Error>) in
            pending.append(Submission(body: { db in try await body(db) }, done: done))
            guard !writing else { return }
            writing = true
            Task { await self.drain(database) }
        }
        // The submission's own body produced it, so it is a T.
        return result as! T
    }

    /// How many writes wait for the next transaction; for tests.
    var waiting: Int { pending.count }

    private func drain(_ database: RegieDatabase) async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            do {
                let results = try await run(batch, on: database)
                for (submission, result) in zip(batch, results) { submission.done.resume(returning: result) }
            } catch  where batch.count > 1 {
                for submission in batch {
                    do {
                        submission.done.resume(returning: try await run([submission], on: database)[0])
                    } catch {
                        submission.done.resume(throwing: error)
                    }
                }
            } catch {
                batch[0].done.resume(throwing: error)
            }
        }
        writing = false
    }

    private func run(_ batch: [Submission], on database: RegieDatabase) async throws -> [any Sendable] {
        let observe = self.observe
        let bodies = batch.map(\.body)
        return try await database.write { db in
            await observe?(bodies.count)
            var results: [any Sendable] = []
            for body in bodies { results.append(try await body(db)) }
            return results
        }
    }
}
