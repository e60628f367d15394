import SQLKit

/// Runs the writes that many requests hand in at about the same time in one transaction, and answers each request
/// only after that transaction committed.
///
/// SQLite has one writer, and a commit costs more than the statements before it: its pages go to the write-ahead
/// log and wake the waiting threads. Sixteen users opening their worklist (each logging the households it shows) or
/// a partner system posting signals would otherwise be sixteen transactions queueing, each writing the same index
/// pages again. Nothing waits on a timer: the first submission starts a transaction at once, and whatever arrives
/// while it runs goes into the next. Three kinds of submission share a transaction: items (access-log entries), whose
/// rows `persist` hands back after storing what they need first, inserted with the new records (`NewRecords`: a new
/// household with its signal) of the whole batch — in one statement per table, on PostgreSQL in one statement, since
/// nothing stored refers to them and nothing reads them back; and last writes of any kind, which run one after the
/// other in arrival order, each seeing the ones before it, so the outcome is the one they would have had one by one.
/// When a shared transaction fails, each submission runs again in a transaction of its own, so one bad write never
/// costs the others theirs — which is why a write may run twice (and new records be drawn again) and must not act
/// outside the database. A batch of items and nothing else that `alone` lets through goes without a transaction
/// around it: on PostgreSQL, where a begin and a commit are a round trip each, access-log rows whose household sets
/// are all stored already are one insert, all or nothing by itself.
actor GroupCommit<Item: Sendable> {
    private enum Work {
        case items([Item])
        case records([Item], @Sendable () throws -> (NewRecords, any Sendable))
        case write(@Sendable (any SQLDatabase) async throws -> any Sendable)
    }

    /// One request's work and the request waiting for its outcome.
    private struct Submission {
        let work: Work
        let done: CheckedContinuation<any Sendable, any Error>
    }

    private let persist: @Sendable ([Item], any SQLDatabase) async throws -> NewRecords
    /// Told the items of every transaction once it committed.
    private let committed: (@Sendable ([Item]) -> Void)?
    /// Whether a batch of items and nothing else may be stored without a transaction around it: when `persist`
    /// stores them in one statement, all or nothing by itself.
    private let alone: (@Sendable ([Item]) -> Bool)?
    private var pending: [Submission] = []
    private var writing = false
    /// Told the number of submissions at the start of every transaction; lets tests see how work was grouped.
    private let observe: (@Sendable (Int) async -> Void)?

    /// `persist` stores what items need first inside the transaction it is given, and returns their rows.
    init(
        persist: @escaping @Sendable ([Item], any SQLDatabase) async throws -> NewRecords,
        committed: (@Sendable ([Item]) -> Void)? = nil, alone: (@Sendable ([Item]) -> Bool)? = nil,
        observe: (@Sendable (Int) async -> Void)? = nil
    ) {
        self.persist = persist
        self.committed = committed
        self.alone = alone
        self.observe = observe
    }

    /// Stores `items`; returns once they are committed, or throws what stopped them.
    func submit(_ items: [Item], to database: RegieDatabase) async throws {
        _ = try await enqueue(.items(items), to: database)
    }

    /// Runs `body` inside a shared transaction; returns its result once that transaction committed.
    func submit<T: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> T, to database: RegieDatabase
    )
        async throws -> T
    {
        // The submission's own body produced the result, so it is a T.
        try await enqueue(.write { db in try await body(db) }, to: database) as! T
    }

    /// Stores `items` and the records `draw` makes; returns what `draw` returned with them once they are committed.
    /// `draw` is called again when a value its records require unused is taken, or when the shared transaction
    /// failed and the submission runs alone.
    func submit<T: Sendable>(
        _ items: [Item], records draw: @escaping @Sendable () throws -> (NewRecords, T), to database: RegieDatabase
    ) async throws -> T {
        // The draw produced the result, so it is a T.
        try await enqueue(
            .records(
                items,
                {
                    let (records, result) = try draw()
                    return (records, result)
                }), to: database) as! T
    }

    /// How many submissions wait for the next transaction; for tests.
    var waiting: Int { pending.count }

    private func enqueue(_ work: Work, to database: RegieDatabase) async throws -> any Sendable {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<any Sendable, any Error>) in
            pending.append(Submission(work: work, done: done))
            guard !writing else { return }
            writing = true
            Task { await self.drain(database) }
        }
    }

    private func drain(_ database: RegieDatabase) async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            do {
                let results = try await run(batch.map(\.work), on: database)
                for (submission, result) in zip(batch, results) { submission.done.resume(returning: result) }
            } catch  where batch.count > 1 {
                for submission in batch {
                    do {
                        submission.done.resume(returning: try await run([submission.work], on: database)[0])
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

    /// One transaction: every item of the batch, then all new records, then each write; a result per submission
    /// (`()` for items). A batch of items only that `alone` lets through is stored without a transaction.
    private func run(_ batch: [Work], on database: RegieDatabase) async throws -> [any Sendable] {
        let (observe, persist) = (self.observe, self.persist)
        let items = batch.flatMap { work -> [Item] in
            switch work {
            case .items(let items), .records(let items, _): return items
            case .write: return []
            }
        }
        let itemsOnly = batch.allSatisfy { work in
            if case .items = work { return true }
            return false
        }
        if itemsOnly, let alone, alone(items) {
            await observe?(batch.count)
            try await persist(items, database.sql).insert(on: database.sql)
            committed?(items)
            return batch.map { _ in () }
        }
        let results = try await database.write { db in
            await observe?(batch.count)
            let rows = items.isEmpty ? NewRecords() : try await persist(items, db)
            let draws = batch.compactMap { work in
                if case .records(_, let draw) = work { return draw }
                return nil
            }
            var made = try await NewRecords.store(draws, with: rows, on: db)[...]
            var results: [any Sendable] = []
            for work in batch {
                switch work {
                case .items: results.append(())
                case .records: results.append(made.removeFirst())
                case .write(let body): results.append(try await body(db))
                }
            }
            return results
        }
        committed?(items)
        return results
    }
}
