import Foundation
import Logging
import RegieStore

/// Sends the queued notification e-mails. Each e-mail is claimed before it is sent, so app servers running
/// side by side share the queue without sending anything twice; a failed send goes back into the queue.
struct MailOutbox {
    let app: WebApp
    let logger: Logger

    /// Sends what is queued; returns how many e-mails went out.
    @discardableResult
    func send() async throws -> Int {
        guard let configuration = app.configuration.mail else { return 0 }
        let mailer = SmtpMailer(configuration: configuration)
        let emails = try await app.database.write { db in try await NotificationStore.claimEmails(on: db) }
        var sent = 0
        for email in emails {
            let message = Notifier.email(name: email.name, publicURL: configuration.publicURL)
            var ok = true
            do {
                try await mailer.send(to: email.address, subject: message.subject, body: message.body)
                sent += 1
            } catch {
                ok = false
                logger.warning("E-mail not sent", metadata: ["notification": "\(email.id)", "error": "\(error)"])
            }
            try await app.database.write { [ok] db in
                try await NotificationStore.finishEmail(email.id, sent: ok, on: db)
            }
        }
        return sent
    }
}
