import Hummingbird
import Logging
import RegieStore

/// Turns every error into a plain Dutch page (or JSON under `/api`) — never a stack trace or SQL.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let views: Views

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            return try respond(status: error.status, message: error.body, request: request, context: context)
        } catch let error as AccessDenied {
            context.logger.info("Access denied", metadata: ["rule": "\(error.rule.rawValue)"])
            return try respond(status: .forbidden, message: nil, request: request, context: context)
        } catch StoreError.notFound {
            return try respond(status: .notFound, message: nil, request: request, context: context)
        } catch StoreError.refused(let key) {
            return try respond(status: .conflict, message: key, request: request, context: context)
        } catch {
            context.logger.error("Unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            return try respond(status: .internalServerError, message: nil, request: request, context: context)
        }
    }

    private func respond(status: HTTPResponse.Status, message: String?, request: Request, context: Context) throws
        -> Response
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
        var response = views.render(
            "error", page: Page(title: t.text("error.title", context.locale), context: context),
            values: ["status": Int(status.code), "message": text, "requestID": context.requestID], status: status)
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        return response
    }
}
