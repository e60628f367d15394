/// Lets one write transaction at a time into SQLite, in arrival order.
///
/// SQLite allows one writer; without this, two connections that both start writing collide with
/// SQLITE_BUSY. Waiting here instead costs nothing on throughput, because SQLite would serialise them anyway.
actor WriteSerializer {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
