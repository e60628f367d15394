import Foundation
import RegieCore

/// Everything an operator can set for a Regie server (docs/configuration.md explains each).
public struct RegieConfiguration: Sendable {
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    /// Set when Regie is served over HTTPS (directly or behind a TLS-terminating proxy): cookies get `Secure`.
    public var secureCookies: Bool = false
    /// Roles that must use two-factor login (TOTP).
    public var totpRequiredRoles: Set<Role> = [.administrator, .networkDirector]
    /// bcrypt cost; 12 in production, lower only in tests.
    public var bcryptCost: UInt8 = 12
    /// A session ends after this long without a request.
    public var sessionIdleTimeout: Duration = .seconds(2 * 60 * 60)
    /// Failed passwords after which an account is locked, and for how long.
    public var lockoutThreshold: Int = 5
    public var lockoutDuration: Duration = .seconds(15 * 60)
    /// Failed logins from one address within the window after which that address must wait.
    public var addressThrottleLimit: Int = 20
    public var addressThrottleWindow: Duration = .seconds(15 * 60)
    /// The name shown in authenticator apps.
    public var totpIssuer: String = "Regie"
    /// Where notification e-mails go out; `nil` keeps notifications in the app only.
    public var mail: MailConfiguration?
    /// How often the norm watch (escalation deadlines, aftercare checks, e-mail queue) runs.
    public var watchInterval: Duration = .seconds(60)
    /// Figures for policy officers and by area show counts below this as "<n" (small-number protection).
    public var minimumCellSize: Int = SmallNumberSuppression.defaultMinimum

    /// A directory of the operator's own profile files (`*.json`), used beside the bundled ones; a file with the
    /// code of a bundled profile replaces that profile.
    public var profileDirectory: URL?

    public init() {}
}

/// The SMTP relay for notification e-mails and the address users open Regie on (for the link in an e-mail).
public struct MailConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var from: String
    /// The public base address, e.g. `https://regie.example.nl`, without a trailing slash.
    public var publicURL: String

    public init(host: String, port: Int, from: String, publicURL: String) {
        self.host = host
        self.port = port
        self.from = from
        self.publicURL = publicURL
    }
}

extension Duration {
    /// Whole seconds as a TimeInterval, for date arithmetic.
    var timeInterval: TimeInterval { TimeInterval(components.seconds) }
}
