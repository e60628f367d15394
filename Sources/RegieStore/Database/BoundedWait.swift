/// Waits for work that should end but might not, for at most a given time.
///
/// Closing a PostgreSQL client waits until its pool has wound down. With the client available here (postgres-nio
/// 1.33) that wait was seen to last forever, rarely and only under load, with no connection left to wait for (two
/// test runs out of about fourteen with both cores busy). A server being stopped, or a test closing its database,
/// must not hang on it: the work is left to finish on its own, and the caller goes on.
enum BoundedWait {
    /// Starts `work` and returns `true` once it has ended, or `false` once `limit` has passed first.
    static func run(_ limit: Duration, _ work: @escaping @Sendable () async -> Void) async -> Bool {
        let answer = FirstAnswer()
        return await withCheckedContinuation { (done: CheckedContinuation<Bool, Never>) in
            let timer = Task {
                try? await Task.sleep(for: limit)
                if await answer.claim() { done.resume(returning: false) }
            }
            Task {
                await work()
                timer.cancel()
                if await answer.claim() { done.resume(returning: true) }
            }
        }
    }

    /// Lets only the first of the two answers through.
    private actor FirstAnswer {
        private var given = false

        func claim() -> Bool {
            defer { given = true }
            return !given
        }
    }
}
