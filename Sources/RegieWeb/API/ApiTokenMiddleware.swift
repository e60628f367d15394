import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// Authenticates API calls by `Authorization: Bearer <token>`; the token acts for the user who made it.
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
        guard let stored = try await ApiTokenStore.active(hash: hash, on: database.sql),
            let signedIn = try await SignedInUserLoader.load(stored.user, database: database), signedIn.account.active
        else {
            throw HTTPError(.unauthorized, message: "error.api_token_invalid")
        }
        if stored.lastUseIsStale(at: Date()) {
            try await database.write { db in try await ApiTokenStore.touch(stored.id, on: db) }
        }
        var context = context
        context.identity = signedIn
        context.locale = signedIn.account.locale
        return try await next(request, context)
    }
}
