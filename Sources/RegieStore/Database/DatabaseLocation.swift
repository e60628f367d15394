import Foundation

/// Where Regie keeps its data: an embedded SQLite file (default) or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresSettings)

    /// Connection settings parsed from `postgres://user:password@host:port/database?sslmode=…&pool=…`.
    public struct PostgresSettings: Sendable, Equatable {
        public var host: String
        public var port: Int
        public var username: String
        public var password: String?
        public var database: String
        /// `require` turns TLS on; anything else (or absent) connects without TLS, as on loopback.
        public var requireTLS: Bool
        /// The most connections this server opens (`pool=`). Each open connection keeps buffers as large as the
        /// largest answer it carried, so more connections than the cores can use only cost memory: at region scale
        /// 20 connections held 350 MB where 6 held 160 MB, at the same or a higher rate on two cores.
        public var connections: Int = PostgresSettings.defaultConnections
        /// Whether the pool keeps all but one of its connections open while idle, instead of closing each after a
        /// minute unused. PostgresNIO times that minute with a sleeping task per connection going idle, and on Linux
        /// a sleep cancelled early (the connection was used again) holds its memory until the minute is over: at a
        /// thousand pages a second the server grew by 2.4 kB a page, to 255 MB at region scale, where kept
        /// connections stay at 140 MB. Off for the tests, which hold hundreds of databases at once.
        public var keepsConnections = true

        /// Three connections per core, and at least four.
        public static var defaultConnections: Int { max(4, 3 * ProcessInfo.processInfo.activeProcessorCount) }

        /// The pool sizes `pool=` accepts.
        public static let allowedConnections = 1...500
    }

    /// Reads `--db`: a `postgres://` or `postgresql://` URL, a `sqlite://` URL, or a plain file path.
    public init(parsing text: String) throws {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
                throw DatabaseLocationError.invalid(text)
            }
            let database = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            let sslmode = components.queryItems?.first { $0.name == "sslmode" }?.value
            var settings = PostgresSettings(
                host: host, port: components.port ?? 5432,
                username: components.user?.removingPercentEncoding ?? "postgres",
                password: components.password?.removingPercentEncoding,
                database: database.isEmpty ? "regie" : database,
                requireTLS: sslmode == "require" || sslmode == "verify-full")
            if let pool = components.queryItems?.first(where: { $0.name == "pool" })?.value {
                guard let size = Int(pool), PostgresSettings.allowedConnections.contains(size) else {
                    throw DatabaseLocationError.invalidPool(pool)
                }
                settings.connections = size
            }
            self = .postgres(settings)
        } else if text.hasPrefix("sqlite://") {
            self = .sqlite(path: String(text.dropFirst("sqlite://".count)))
        } else if !text.isEmpty, !text.contains("://") {
            self = .sqlite(path: text)
        } else {
            throw DatabaseLocationError.invalid(text)
        }
    }

    /// Never prints a password, so the value is safe in logs.
    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite://\(path)"
        case .postgres(let s): return "postgres://\(s.username)@\(s.host):\(s.port)/\(s.database)"
        }
    }
}

/// A `--db` value that names no database Regie can use.
public enum DatabaseLocationError: Error, Equatable, CustomStringConvertible {
    case invalid(String)
    case invalidPool(String)

    public var description: String {
        switch self {
        case .invalid(let text):
            return
                "Ongeldige databaselocatie '\(text)': gebruik een bestandspad of postgres://gebruiker@host:poort/database"
        case .invalidPool(let text):
            let range = DatabaseLocation.PostgresSettings.allowedConnections
            return
                "Ongeldige pool '\(text)' in de databaselocatie: geef een aantal verbindingen van \(range.lowerBound) "
                + "tot en met \(range.upperBound)"
        }
    }
}
