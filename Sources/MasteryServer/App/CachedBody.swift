import CZlib
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

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

    /// A gzip member (RFC 1952: header, deflate, CRC-32 and size) made by zlib at its fastest level: a page of
    /// hundreds of kilobytes is compressed once per change, and level 1 takes a third of the default's time for
    /// a few kilobytes more. Nil if compression fails.
    static func gzip(_ data: Data) -> Data? {
        var stream = z_stream()
        // Window bits 15 + 16: a gzip header and trailer around the deflate stream.
        guard
            deflateInit2_(
                &stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return nil }
        defer { deflateEnd(&stream) }
        var output = Data(count: Int(deflateBound(&stream, uLong(data.count))))
        let status = data.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(out.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.count = Int(stream.total_out)
        return output
    }
}
