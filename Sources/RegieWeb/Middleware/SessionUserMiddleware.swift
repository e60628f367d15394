import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// Turns a session into a signed-in user, checking on every request that the account is still active
/// and that its sessions were not ended (password change, role removal, deactivation). The user was read with the
/// session (`WebSession.user`, `DatabaseSessionDriver`).
struct SessionUserMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let idleTimeout: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if let session = context.sessions.session {
            guard
                let signedIn = session.user, signedIn.account.id.rawValue == session.userID,
                signedIn.account.active, signedIn.account.authEpoch == session.epoch
            else {
                context.sessions.clearSession()
                return try await next(request, context)
            }
            context.locale = signedIn.account.locale
            // Slide the idle timeout, but write the session only when half of it has passed.
            context.sessions.withLockedSession { data in
                if let remaining = data?.expiresIn, remaining < idleTimeout / 2 { data?.expiresIn = idleTimeout }
            }
            if session.stage == .complete { context.identity = signedIn }
        }
        return try await next(request, context)
    }
}

extension SignedInUser {
    /// The user as read by the store, with the page frame's figures read alongside.
    init(_ read: UserStore.SignedIn) {
        self.init(
            account: read.user, organisationName: read.organisationName, assignments: read.roles,
            frame: Frame(directory: read.directory, unread: read.unread, stamps: read.stamps))
    }
}

/// Sends visitors without a complete login to the login page (pages) or answers 401.
struct RequireSignedInMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if context.identity != nil { return try await next(request, context) }
        if let session = context.sessions.session, session.stage == .mustEnrol {
            return .redirect(to: "/login/setup-code", type: .found)
        }
        if request.method == .get {
            let next = request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
            return .redirect(to: "/login?next=\(next)", type: .found)
        }
        throw HTTPError(.unauthorized, message: "error.unauthorised")
    }
}

/// Lets only administrators through (functioneel beheer).
struct RequireAdministratorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard context.identity?.isAdministrator == true else { throw HTTPError(.forbidden, message: "error.forbidden") }
        return try await next(request, context)
    }
}
