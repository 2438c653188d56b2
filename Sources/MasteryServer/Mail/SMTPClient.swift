import Foundation
import NIOCore
import NIOPosix

/// Sends mail over SMTP (RFC 5321) to one relay: plain SMTP, as to a district's own relay on loopback or its
/// network (which carries it onward with TLS). One connection per batch; every reply is checked, and a refusal
/// names the command and the server's words.
struct SMTPClient: Sendable {
    struct Message: Sendable {
        var to: String
        var subject: String
        /// Plain text; lines are folded to CRLF and dot-stuffed on the wire.
        var body: String
        /// The language of the text (`Content-Language`).
        var language: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var host: String
    var port: Int
    var from: String
    /// The name this client gives in EHLO.
    var heloName = "masterly"

    /// `smtp://host:port` (port 25 when left out).
    init(url: String, from: String) throws {
        guard let components = URLComponents(string: url), components.scheme == "smtp", let host = components.host,
            !host.isEmpty
        else { throw Failure(description: "smtp: '\(url)' is not an smtp://host:port address") }
        self.host = host
        self.port = components.port ?? 25
        self.from = from
    }

    /// Sends every message on one connection; returns how many the server accepted. A message the server refuses
    /// (a bad recipient) is skipped and named in `refused`; a failure of the connection throws.
    func send(_ messages: [Message], now: Date) async throws -> (sent: Int, refused: [String]) {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var chunks = inbound.makeAsyncIterator()
            var pending: [UInt8] = []
            // One line of the server's answer (without its line end), read from however the bytes arrive. Bytes,
            // not a String: "\r\n" is one Character, so a String search for "\n" would never find it.
            func nextLine() async throws -> String? {
                while true {
                    if let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                        var line = Array(pending[..<end])
                        pending.removeFirst(end + 1)
                        if line.last == UInt8(ascii: "\r") { line.removeLast() }
                        return String(decoding: line, as: UTF8.self)
                    }
                    guard var chunk = try await chunks.next() else { return nil }
                    pending += chunk.readBytes(length: chunk.readableBytes) ?? []
                    guard pending.count < 64_000 else { throw Failure(description: "smtp: a reply line too long") }
                }
            }
            func reply() async throws -> (code: Int, text: String) {
                var text: [String] = []
                while let line = try await nextLine() {
                    let code = Int(line.prefix(3)) ?? 0
                    text.append(String(line.dropFirst(4)))
                    // "250-…" continues, "250 …" ends the reply.
                    if line.count < 4 || line[line.index(line.startIndex, offsetBy: 3)] != "-" {
                        return (code, text.joined(separator: " "))
                    }
                }
                throw Failure(description: "smtp: the server closed the connection")
            }
            func command(_ text: String, expect: ClosedRange<Int>) async throws -> (code: Int, text: String) {
                try await outbound.write(ByteBuffer(string: text + "\r\n"))
                let answer = try await reply()
                guard expect.contains(answer.code) else {
                    throw Failure(
                        description: "smtp: \(text.split(separator: " ").first ?? "") → \(answer.code) \(answer.text)")
                }
                return answer
            }
            let greeting = try await reply()
            guard greeting.code == 220 else {
                throw Failure(description: "smtp: greeting \(greeting.code) \(greeting.text)")
            }
            _ = try await command("EHLO \(heloName)", expect: 250...250)
            var sent = 0
            var refused: [String] = []
            for message in messages {
                _ = try await command("MAIL FROM:<\(from)>", expect: 250...250)
                try await outbound.write(ByteBuffer(string: "RCPT TO:<\(message.to)>\r\n"))
                let accepted = try await reply()
                guard (250...251).contains(accepted.code) else {
                    refused.append("\(message.to): \(accepted.code) \(accepted.text)")
                    _ = try await command("RSET", expect: 250...250)
                    continue
                }
                _ = try await command("DATA", expect: 354...354)
                try await outbound.write(ByteBuffer(string: Self.wire(message, from: from, now: now)))
                _ = try await command(".", expect: 250...250)
                sent += 1
            }
            _ = try? await command("QUIT", expect: 221...221)
            return (sent, refused)
        }
    }

    /// The message as it goes on the wire after DATA: headers, a blank line, the body in quoted-printable-free
    /// UTF-8 (8BITMIME), lines CRLF, leading dots doubled.
    static func wire(_ message: Message, from: String, now: Date) -> String {
        let date = Self.rfc5322Date(now)
        var lines = [
            "From: Masterly <\(from)>", "To: <\(message.to)>", "Subject: \(encodedWord(message.subject))",
            "Date: \(date)", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit", "Content-Language: \(message.language)",
            "Message-ID: <\(UUID().uuidString.lowercased())@masterly>", "",
        ]
        for line in message.body.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        {
            lines.append(line.hasPrefix(".") ? "." + line : String(line))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A header value outside ASCII as an RFC 2047 encoded word (base64, UTF-8).
    static func encodedWord(_ text: String) -> String {
        guard !text.allSatisfy(\.isASCII) else { return text }
        return "=?utf-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
