import Foundation
import Logging
import RegieCore
import ServiceLifecycle

/// Runs the norm watch (escalation deadlines, aftercare checks) and the e-mail queue every
/// `watchInterval`. Safe on several app servers at once: see `NormWatch` and `MailOutbox`.
struct NormWatchService: Service {
    let app: WebApp
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let report = try await NormWatch(app: app).run()
                if report.didWork {
                    logger.info(
                        "Norm watch",
                        metadata: [
                            "rises": "\(report.rises)", "aftercare": "\(report.aftercareRequests)",
                            "purged": "\(report.purged)",
                        ])
                }
                try await MailOutbox(app: app, logger: logger).send()
            } catch {
                logger.warning("Norm watch failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: app.configuration.watchInterval) }
        }
    }
}
