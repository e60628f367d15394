import Foundation
import NIOConcurrencyHelpers

/// Session data already decoded, by its stored text: a session's JSON changes only when the session does (a login
/// step, a network chosen), while every request of it reads the same text, which Foundation's `JSONDecoder` took
/// some 8 µs of each page's CPU to decode again (`perf`, mixed load, forty-second session).
///
/// Keyed by the whole text, a remembered session is exactly what decoding that text gives; one the database no
/// longer holds is never asked for, since the text comes from the database on every request.
final class DecodedSessions: Sendable {
    private let known = NIOLockedValueBox<[String: WebSession]>([:])
    /// Enough for the signed-in users of a busy region; past it the memory starts again empty.
    static let capacity = 10_000

    /// The session `data` holds, decoded once.
    func session(from data: String) throws -> WebSession {
        if let session = known.withLockedValue({ $0[data] }) { return session }
        let session = try JSONDecoder().decode(WebSession.self, from: Data(data.utf8))
        known.withLockedValue { known in
            if known.count >= Self.capacity { known.removeAll(keepingCapacity: true) }
            known[data] = session
        }
        return session
    }

    /// How many sessions are remembered (for tests).
    var count: Int { known.withLockedValue { $0.count } }
}
