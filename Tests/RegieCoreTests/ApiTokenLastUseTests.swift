import Foundation
import RegieCore
import Testing

/// A token's last use is recorded at most once a minute.
@Suite struct ApiTokenLastUseTests {
    private func token(lastUsed: Date?) -> ApiToken {
        ApiToken(
            id: "t", user: UserID(rawValue: "u"), name: "koppeling", prefix: "abc",
            createdAt: Date(timeIntervalSince1970: 0),
            lastUsedAt: lastUsed, revokedAt: nil)
    }

    @Test func neverUsedIsRecorded() {
        #expect(token(lastUsed: nil).lastUseIsStale(at: Date(timeIntervalSince1970: 1)))
    }

    @Test func withinTheMinuteIsNotRecordedAgain() {
        let used = Date(timeIntervalSince1970: 1_000)
        #expect(!token(lastUsed: used).lastUseIsStale(at: used))
        #expect(!token(lastUsed: used).lastUseIsStale(at: used.addingTimeInterval(59.9)))
        #expect(token(lastUsed: used).lastUseIsStale(at: used.addingTimeInterval(60)))
    }

    @Test func aClockThatWentBackIsRecorded() {
        let used = Date(timeIntervalSince1970: 1_000)
        #expect(token(lastUsed: used).lastUseIsStale(at: used.addingTimeInterval(-5)))
    }
}
