/// Work that reads or writes the database outside any request (a figure reading ahead of its first view), kept so
/// that closing the database waits for it: a reading cut off by a shutdown would otherwise find its connections gone.
actor BackgroundWork {
    private var running: [Int: Task<Void, Never>] = [:]
    private var next = 0

    /// Starts `work`; it is forgotten once done.
    func start(priority: TaskPriority, _ work: @escaping @Sendable () async -> Void) {
        next += 1
        let id = next
        running[id] = Task(priority: priority) {
            await work()
            self.done(id)
        }
    }

    /// Returns once every started piece of work, also one started meanwhile, is done.
    func finish() async {
        while let (_, task) = running.first {
            await task.value
        }
    }

    private func done(_ id: Int) { running[id] = nil }
}
