import SQLKit

/// Writes what many requests hand in at about the same time in one transaction, and answers each request only
/// after that transaction committed.
///
/// A list page logs every household it shows; sixteen users opening their worklist at once would otherwise be
/// sixteen transactions queueing behind SQLite's one writer, each touching the same index pages. Nothing waits on
/// a timer: the first submission starts a write at once, and whatever arrives while it runs goes into the next.
/// When a shared transaction fails, each submission of it is written again on its own, so one bad submission
/// never costs the others theirs.
actor GroupCommit<Item: Sendable> {
    /// One request's items and the request waiting for them to be stored.
    private struct Submission {
        let items: [Item]
        let done: CheckedContinuation<Void, any Error>
    }

    private let persist: @Sendable ([Item], any SQLDatabase) async throws -> Void
    private var pending: [Submission] = []
    private var writing = false

    /// `persist` stores items inside the transaction it is given.
    init(persist: @escaping @Sendable ([Item], any SQLDatabase) async throws -> Void) {
        self.persist = persist
    }

    /// Stores `items` through `database`; returns once they are committed, or throws what stopped them.
    func submit(_ items: [Item], to database: RegieDatabase) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            pending.append(Submission(items: items, done: done))
            guard !writing else { return }
            writing = true
            Task { await self.drain(database) }
        }
    }

    /// How many submissions wait for the next transaction; for tests.
    var waiting: Int { pending.count }

    private func drain(_ database: RegieDatabase) async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            let persist = self.persist
            do {
                let items = batch.flatMap(\.items)
                try await database.write { db in try await persist(items, db) }
                batch.forEach { $0.done.resume() }
            } catch  where batch.count > 1 {
                for submission in batch {
                    do {
                        try await database.write { db in try await persist(submission.items, db) }
                        submission.done.resume()
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
}
