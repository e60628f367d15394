import Hummingbird

/// An address no route knows gets the not-found page with the signed-in user's own top bar (their networks and menu),
/// so a mistyped or outdated link leaves them one click from where they were. The router answers such an address
/// through its own middlewares only; this one, added after every route, sends a page's request through `pages` — the
/// page middlewares on a router without routes, whose answer is that same not-found — instead. Requests of the API, and
/// those that change something (a form posted to an unknown address would otherwise meet the CSRF check first), keep
/// the plain answer; so do the static files, whose middleware serves a file only when the rest of the chain finds
/// nothing — a page from here would hide every stylesheet.
struct NotFoundPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// Where the static files are served (`FileMiddleware`'s base path).
    static let files = "/static"
    let pages: RouterResponder<AppRequestContext>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        guard [.get, .head].contains(request.method), !path.hasPrefix("/api/"), !path.hasPrefix(Self.files + "/")
        else {
            return try await next(request, context)
        }
        return try await pages.respond(to: request, context: context)
    }
}
