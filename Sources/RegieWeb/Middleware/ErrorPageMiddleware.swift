import Hummingbird
import Logging
import RegieStore

/// Turns every error into a plain Dutch page (or JSON under `/api`) — never a stack trace or SQL.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let app: WebApp
    var views: Views { app.views }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            return try await respond(status: error.status, message: error.body, request: request, context: context)
        } catch let error as AccessDenied {
            context.logger.info("Access denied", metadata: ["rule": "\(error.rule.rawValue)"])
            return try await respond(status: .forbidden, message: nil, request: request, context: context)
        } catch StoreError.notFound {
            return try await respond(status: .notFound, message: nil, request: request, context: context)
        } catch StoreError.refused(let key) {
            return try await respond(status: .conflict, message: key, request: request, context: context)
        } catch {
            context.logger.error("Unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            return try await respond(status: .internalServerError, message: nil, request: request, context: context)
        }
    }

    private func respond(status: HTTPResponse.Status, message: String?, request: Request, context: Context)
        async throws -> Response
    {
        let t = views.translations
        let fallbackKey: String
        switch status.code {
        case 400: fallbackKey = "error.bad_request"
        case 401: fallbackKey = "error.unauthorised"
        case 403: fallbackKey = "error.forbidden"
        case 404: fallbackKey = "error.not_found"
        case 413: fallbackKey = "error.too_large"
        case 429: fallbackKey = "error.too_many"
        case 400..<500: fallbackKey = "error.bad_request"
        default: fallbackKey = "error.server"
        }
        // Messages from our own HTTPErrors are translation keys; anything else gets the generic text.
        let text =
            message.flatMap { t.has($0) ? t.text($0, context.locale) : nil } ?? t.text(fallbackKey, context.locale)
        if request.uri.path.hasPrefix("/api/") {
            return ApiError.response(status: status, message: text, requestID: context.requestID)
        }
        // The two errors a user meets most say so in the heading (a refusal with its own reason, such as an expired
        // form, keeps the general one).
        let ownReason = message.map { $0 != fallbackKey && t.has($0) } ?? false
        let title =
            status == .notFound
            ? "error.title_not_found" : status == .forbidden && !ownReason ? "error.title_forbidden" : "error.title"
        // The top bar as on every page (the user's networks, their menu); when reading those fails too — the error
        // may be the database's — the page still comes, with the menu every signed-in user has.
        let page =
            (try? await app.page(title, context)) ?? Page(title: t.text(title, context.locale), context: context)
        var response = views.render(
            "error", page: page,
            values: ["status": Int(status.code), "message": text, "requestID": context.requestID], status: status)
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        return response
    }
}
