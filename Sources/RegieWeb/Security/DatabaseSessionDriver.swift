import Foundation
import Hummingbird
import RegieStore

/// Hummingbird's session storage backed by Regie's database, so sessions survive restarts and are shared
/// by every app server. Keys are hashed before they reach the database. A session is read with its user, in one
/// statement (`WebSession.user`).
public struct DatabaseSessionDriver: PersistDriver {
    let database: RegieDatabase
    /// Shared by the driver's copies: Hummingbird's session middleware holds one per request.
    let decoded = DecodedSessions()

    public init(database: RegieDatabase) { self.database = database }

    public func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try await set(key: key, value: value, expires: expires)
    }

    public func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let data = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        let expiresAt = expires.map { Date().addingTimeInterval($0.timeInterval) }
        try await database.write { db in
            try await SessionStore.set(keyHash: SecretToken.hash(key), data: data, expiresAt: expiresAt, on: db)
        }
    }

    public func get<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: type)?.object
    }

    public func getWithTTL<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws
        -> (object: Object, ttl: Duration?)?
    {
        guard let stored = try await SessionStore.get(keyHash: SecretToken.hash(key), on: database.sql) else {
            return nil
        }
        let ttl = stored.expiresAt.map { Duration.seconds(Int64($0.timeIntervalSinceNow)) }
        do {
            guard Object.self == WebSession.self else {
                return (try JSONDecoder().decode(type, from: Data(stored.data.utf8)), ttl)
            }
            // The session's user came in the same statement; a `WebSession` takes it to `SessionUserMiddleware`.
            var session = try decoded.session(from: stored.data)
            session.user = stored.user.map(SignedInUser.init)
            return (session as! Object, ttl)
        } catch {
            throw PersistError.invalidConversion
        }
    }

    public func remove(key: String) async throws {
        try await database.write { db in try await SessionStore.remove(keyHash: SecretToken.hash(key), on: db) }
    }
}
