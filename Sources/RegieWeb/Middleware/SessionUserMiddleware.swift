import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// Turns a session into a signed-in user, checking on every request that the account is still active
/// and that its sessions were not ended (password change, role removal, deactivation).
struct SessionUserMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let database: RegieDatabase
    let idleTimeout: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if let session = context.sessions.session {
            guard
                let signedIn = try await SignedInUserLoader.load(UserID(rawValue: session.userID), database: database),
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

/// Loads what a route needs to know about a user, whether still active or not (the caller decides).
enum SignedInUserLoader {
    static func load(_ id: UserID, database: RegieDatabase) async throws -> SignedInUser? {
        try await UserStore.signedIn(id, on: database.sql).map {
            SignedInUser(
                account: $0.user, organisationName: $0.organisationName, assignments: $0.roles,
                frame: SignedInUser.Frame(directory: $0.directory, unread: $0.unread))
        }
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
