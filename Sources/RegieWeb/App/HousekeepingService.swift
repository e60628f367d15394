import Foundation
import Logging
import RegieStore
import ServiceLifecycle

/// Clears expired sessions and old login attempts every few minutes. Safe on several app servers at once:
/// both deletes are idempotent.
struct HousekeepingService: Service {
    let database: RegieDatabase
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await database.write { db in
                    try await SessionStore.purgeExpired(on: db)
                    try await LoginAttemptStore.purge(before: Date().addingTimeInterval(-24 * 3600), on: db)
                }
            } catch {
                logger.warning("Housekeeping failed", metadata: ["error": "\(error)"])
            }
            // Sleeping must not hold up a graceful shutdown (SIGTERM), so the sleep ends with it.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(300)) }
        }
    }
}
