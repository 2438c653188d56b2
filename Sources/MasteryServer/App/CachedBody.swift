import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ZIPFoundation

/// A response body made once and served many times, kept with its gzip encoding so that browsers (which all
/// accept gzip) receive a fraction of the bytes without the server compressing on every request.
public struct CachedBody: Sendable {
    let raw: ByteBuffer
    let gzip: ByteBuffer?
    let contentType: String

    init(_ bytes: some Sequence<UInt8>, contentType: String) {
        let data = Data(bytes)
        raw = ByteBuffer(bytes: data)
        gzip = Self.gzip(data).map { ByteBuffer(bytes: $0) }
        self.contentType = contentType
    }

    /// The body for `request`: gzip-encoded when the client accepts it.
    func response(for request: Request) -> Response {
        var headers: HTTPFields = [.contentType: contentType, .cacheControl: "no-store", .vary: "Accept-Encoding"]
        if let gzip, Self.acceptsGzip(request.headers[.acceptEncoding]) {
            headers[.contentEncoding] = "gzip"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: gzip))
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: raw))
    }

    /// Whether an Accept-Encoding value allows gzip (listed, or `*`, without `q=0`).
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first, coding == "gzip" || coding == "x-gzip" || coding == "*" else { continue }
            let refused = parts.dropFirst().contains { parameter in
                parameter.hasPrefix("q=") && (Double(parameter.dropFirst(2)) ?? 1) == 0
            }
            return !refused
        }
        return false
    }

    /// A gzip member (RFC 1952): header, raw deflate, CRC-32 and size; nil if compression fails.
    static func gzip(_ data: Data) -> Data? {
        var deflated = Data()
        let crc: CRC32
        do {
            crc = try Data.compress(
                size: Int64(data.count), bufferSize: 64 * 1024,
                provider: { position, size in data.subdata(in: Int(position)..<(Int(position) + size)) },
                consumer: { deflated.append($0) })
        } catch {
            return nil
        }
        var member = Data([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff])
        member.append(deflated)
        for value in [crc, UInt32(truncatingIfNeeded: data.count)] {
            withUnsafeBytes(of: value.littleEndian) { member.append(contentsOf: $0) }
        }
        return member
    }
}
