import Hummingbird
import HummingbirdAuth
import Logging
import NIOCore

/// Per-request state: the session, the signed-in user, the CSRF token and the language.
public struct AppRequestContext: RequestContext, SessionRequestContext, AuthRequestContext {
    public typealias Session = WebSession
    public var coreContext: CoreRequestContextStorage
    public let sessions: SessionContext<WebSession>
    /// Set by the session or API-token middleware once the user is known and fully logged in.
    public var identity: SignedInUser?
    /// The token that forms of this response must carry.
    public var csrfToken: String = ""
    /// `nl` (default) or `en`.
    public var locale: String = "nl"
    /// The peer's address, for throttling logins per address.
    public let remoteAddress: SocketAddress?

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
        self.sessions = .init()
        self.identity = nil
    }

    /// The request id that ties log lines and access-log entries together.
    public var requestID: String { id }
}
