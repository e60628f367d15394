import Foundation
import NIOCore
import NIOPosix

/// A small SMTP client (RFC 5321) for notification e-mails through the network's own relay. Regie sends only
/// a link, never household content, so plain SMTP to a relay on the internal network is enough; TLS and
/// authentication are the relay's business (docs/configuration.md).
struct SmtpMailer: Sendable {
    let configuration: MailConfiguration

    /// A refusal or unexpected answer of the SMTP server.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Sends one plain-text message to `recipient`.
    func send(to recipient: String, subject: String, body: String) async throws {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var replies = ReplyReader(iterator: inbound.makeAsyncIterator())
            func command(_ line: String?, expect codes: Set<Int>) async throws {
                if let line { try await outbound.write(ByteBuffer(string: line + "\r\n")) }
                let (code, text) = try await replies.next()
                guard codes.contains(code) else { throw Failure(description: "SMTP \(code): \(text)") }
            }
            try await command(nil, expect: [220])
            try await command("EHLO regie", expect: [250])
            try await command("MAIL FROM:<\(configuration.from)>", expect: [250])
            try await command("RCPT TO:<\(recipient)>", expect: [250, 251])
            try await command("DATA", expect: [354])
            try await command(message(to: recipient, subject: subject, body: body) + "\r\n.", expect: [250])
            try await command("QUIT", expect: [221])
        }
    }

    /// The message with its headers; lines starting with a dot are doubled (RFC 5321 §4.5.2).
    func message(to recipient: String, subject: String, body: String) -> String {
        let date = Date().formatted(.iso8601)
        let headers = [
            "From: Regie <\(configuration.from)>", "To: <\(recipient)>", "Subject: \(subject)", "Date: \(date)",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit",
        ]
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map { $0.hasPrefix(".") ? "." + $0 : String($0) }
        return (headers + [""] + lines).joined(separator: "\r\n")
    }

    /// Reads SMTP replies (possibly multi-line, "250-…" then "250 …") from the byte stream.
    struct ReplyReader {
        var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        var pending = ""

        mutating func next() async throws -> (Int, String) {
            var text: [String] = []
            while true {
                let line = try await nextLine()
                text.append(String(line.dropFirst(4)))
                guard line.count >= 3, let code = Int(line.prefix(3)) else {
                    throw Failure(description: "SMTP: onverwacht antwoord \(line)")
                }
                if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " {
                    return (code, text.joined(separator: " "))
                }
            }
        }

        private mutating func nextLine() async throws -> String {
            while true {
                if let end = pending.range(of: "\r\n") {
                    let line = String(pending[..<end.lowerBound])
                    pending.removeSubrange(..<end.upperBound)
                    return line
                }
                guard var buffer = try await iterator.next() else {
                    throw Failure(description: "SMTP: verbinding gesloten")
                }
                pending += buffer.readString(length: buffer.readableBytes) ?? ""
            }
        }
    }
}
