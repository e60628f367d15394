import FluentPostgresDriver

/// PostgreSQL's connection pool, run by Regie rather than by the Fluent driver: the driver borrows it for every
/// statement, and kept statements (`KeptStatement`) reach it directly to run prepared, which the driver's own
/// handles cannot.
final class PostgresServer: Sendable {
    let client: PostgresClient
    /// Runs the pool until `stop`.
    private let running: Task<Void, Never>

    init(client: PostgresClient) {
        self.client = client
        running = Task.detached { await client.run() }
    }

    /// Closes the pool's connections and waits until it has.
    func stop() async {
        running.cancel()
        await running.value
    }
}
