import Hummingbird

/// Rejects state-changing form posts that do not carry the token of this browser.
///
/// The token lives in an HttpOnly, SameSite=Strict cookie and in a hidden `_csrf` field of every form
/// (double submit). Another site can neither read the cookie to copy it into a form, nor make the browser
/// send it along with a cross-site post. The JSON API uses bearer tokens instead and is not checked here.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "regie_csrf"
    static let fieldName = "_csrf"
    let secureCookies: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        var request = request
        let existing = request.cookies[Self.cookieName]?.value
        context.csrfToken = existing ?? SecretToken.make()
        if ![.get, .head, .options].contains(request.method) {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            let form = FormData(body: String(buffer: body))
            guard let existing, let sent = form.value(Self.fieldName), SecretToken.equal(existing, sent) else {
                context.logger.notice("CSRF token missing or wrong", metadata: ["path": "\(request.uri.path)"])
                throw HTTPError(.forbidden, message: "error.csrf")
            }
        }
        var response = try await next(request, context)
        if existing == nil {
            let cookie = Cookie(
                name: Self.cookieName, value: context.csrfToken, path: "/", secure: secureCookies, httpOnly: true,
                sameSite: .strict)
            response.headers[values: .setCookie].append(cookie.description)
        }
        return response
    }
}
