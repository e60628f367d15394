import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// Authenticates API calls by `Authorization: Bearer <token>`; the token acts for the user who made it, read with
/// the token in one statement.
struct ApiTokenMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let database: RegieDatabase

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw HTTPError(.unauthorized, message: "error.api_token_missing")
        }
        let token = String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
        let hash = SecretToken.hash(token)
        guard let active = try await ApiTokenStore.active(hash: hash, on: database.sql),
            let user = active.user, user.user.active
        else {
            throw HTTPError(.unauthorized, message: "error.api_token_invalid")
        }
        let signedIn = SignedInUser(user)
        if active.token.lastUseIsStale(at: Date()) {
            try await database.write { db in try await ApiTokenStore.touch(active.token.id, on: db) }
        }
        var context = context
        context.identity = signedIn
        context.locale = signedIn.account.locale
        return try await next(request, context)
    }
}
