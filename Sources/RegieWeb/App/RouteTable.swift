import Hummingbird
import NIOConcurrencyHelpers

/// Every route Regie serves, with who may reach it. Routes are added only through here, so tests can
/// check the whole table: the OpenAPI file against the API routes, and (later) the authorisation matrix.
public final class RouteTable: Sendable {
    /// Who may reach a route before any finer check in the handler.
    public enum Audience: String, Sendable {
        /// Anyone (login page, health check, static files).
        case everyone
        /// A user with a complete login.
        case signedIn = "signed_in"
        /// Administrators only.
        case administrator
        /// An API client with a valid token.
        case apiClient = "api_client"
    }

    /// One served route.
    public struct Entry: Sendable, Hashable {
        public let method: String
        /// The path as registered, with `{name}` for parameters.
        public let path: String
        public let audience: Audience
    }

    private let storage = NIOLockedValueBox<[Entry]>([])

    public init() {}

    public var entries: [Entry] { storage.withLockedValue { $0 } }

    func record(_ method: HTTPRequest.Method, _ path: String, _ audience: Audience) {
        let display = path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
        storage.withLockedValue {
            $0.append(Entry(method: method.rawValue, path: "/" + display.joined(separator: "/"), audience: audience))
        }
    }
}

/// A router group that records each route it adds in the route table.
struct RecordedGroup {
    let group: RouterGroup<AppRequestContext>
    let prefix: String
    let audience: RouteTable.Audience
    let table: RouteTable

    func on(
        _ path: String, method: HTTPRequest.Method,
        use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response
    ) {
        table.record(method, prefix + (path.isEmpty ? "" : "/" + path), audience)
        group.on(RouterPath(path), method: method, use: handler)
    }

    func get(_ path: String, use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response) {
        on(path, method: .get, use: handler)
    }

    func post(_ path: String, use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response) {
        on(path, method: .post, use: handler)
    }
}
