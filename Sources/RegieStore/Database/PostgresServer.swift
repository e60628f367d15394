import FluentPostgresDriver

/// PostgreSQL's connection pool, run by Regie rather than by the Fluent driver: the driver borrows it for every
/// statement, and kept statements (`KeptStatement`) reach it directly to run prepared, which the driver's own
/// handles cannot.
final class PostgresServer: Sendable {
    let client: PostgresClient
    /// Runs the pool until `stop`.
    private let running: Task<Void, Never>

    private init(client: PostgresClient, running: Task<Void, Never>) {
        self.client = client
        self.running = running
    }

    /// Starts running `client` and returns once its task has begun: a statement sent before the pool runs waits
    /// for it, and PostgresNIO logs a warning about it.
    static func start(_ client: PostgresClient) async -> PostgresServer {
        let (began, beginning) = AsyncStream<Void>.makeStream()
        let running = Task.detached {
            beginning.finish()
            await client.run()
        }
        for await _ in began {}
        return PostgresServer(client: client, running: running)
    }

    /// Closes the pool's connections and waits until it has.
    func stop() async {
        running.cancel()
        await running.value
    }
}
