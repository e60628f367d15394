import Foundation
import Testing

@testable import RegieWeb

@Suite("Decoded sessions remembered by their text")
struct DecodedSessionsTests {
    private func text(_ session: WebSession) throws -> String {
        String(decoding: try JSONEncoder().encode(session), as: UTF8.self)
    }

    @Test("A session's text gives what decoding it gives, the first time and after")
    func sameAsDecoding() throws {
        let sessions = DecodedSessions()
        let stored = try text(WebSession(userID: "u1", stage: .complete, epoch: 3, networkID: "n1"))
        for _ in 0..<2 {
            let session = try sessions.session(from: stored)
            #expect(session.userID == "u1")
            #expect(session.stage == .complete)
            #expect(session.epoch == 3)
            #expect(session.networkID == "n1")
            #expect(session.user == nil)
        }
        #expect(sessions.count == 1)
    }

    @Test("A changed session is a new text and decodes to its new values")
    func changedText() throws {
        let sessions = DecodedSessions()
        var session = WebSession(userID: "u1", stage: .awaitingCode, epoch: 1, networkID: nil)
        _ = try sessions.session(from: text(session))
        session.stage = .complete
        session.networkID = "n2"
        let read = try sessions.session(from: text(session))
        #expect(read.stage == .complete)
        #expect(read.networkID == "n2")
        #expect(sessions.count == 2)
    }

    @Test("Text that is not a session is refused and not remembered")
    func refusesOtherText() {
        let sessions = DecodedSessions()
        #expect(throws: (any Error).self) { try sessions.session(from: #"{"userID": 7}"#) }
        #expect(sessions.count == 0)
    }

    @Test("Past its capacity the memory starts again")
    func bounded() throws {
        let sessions = DecodedSessions()
        for number in 0...DecodedSessions.capacity {
            _ = try sessions.session(
                from: text(WebSession(userID: "u\(number)", stage: .complete, epoch: 0, networkID: nil)))
        }
        #expect(sessions.count == 1)
    }
}
