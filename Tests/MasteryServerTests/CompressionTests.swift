import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MasteryCore
import MasteryStore
import NIOCore
import Testing
import ZIPFoundation

@testable import MasteryServer

@Suite("Compressed responses")
struct CompressionTests {
    /// The content of a gzip member, checked against its CRC-32 and length.
    static func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
        try #require(bytes.count > 18 && bytes[0] == 0x1f && bytes[1] == 0x8b && bytes[2] == 8)
        let deflated = Data(bytes[10..<(bytes.count - 8)])
        var inflated = Data()
        let crc = try Data.decompress(
            size: Int64(deflated.count), bufferSize: 64 * 1024, skipCRC32: false,
            provider: { position, size in
                deflated.subdata(in: Int(position)..<min(Int(position) + size, deflated.count))
            },
            consumer: { inflated.append($0) })
        let trailer = Array(bytes.suffix(8))
        let storedCRC = trailer[0..<4].enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * $1.offset) }
        let storedSize = trailer[4..<8].enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * $1.offset) }
        #expect(crc == storedCRC)
        #expect(UInt32(truncatingIfNeeded: inflated.count) == storedSize)
        return Array(inflated)
    }

    @Test("Accept-Encoding: gzip is honoured unless refused with q=0")
    func acceptEncoding() {
        #expect(CachedBody.acceptsGzip("gzip, deflate, br, zstd"))
        #expect(CachedBody.acceptsGzip("br;q=1.0, gzip;q=0.8"))
        #expect(CachedBody.acceptsGzip("*"))
        #expect(!CachedBody.acceptsGzip("gzip;q=0"))
        #expect(!CachedBody.acceptsGzip("identity"))
        #expect(!CachedBody.acceptsGzip("deflate, br"))
        #expect(!CachedBody.acceptsGzip(nil))
    }

    @Test("The gradebook page and JSON are sent gzip-encoded to clients that accept it, the same bytes once decoded")
    func gradebookGzip() async throws {
        try await withApp { client, services in
            let store = services.store
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let section = try await store.sections(of: teacher.id, as: .teacher)[0]
            let student = try await store.members(of: section.id, as: .student)[0]
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let cookie = browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            let api = try await APIClient.signIn(client, "teacher")
            func fetch(_ uri: String, gzip: Bool, bearer: Bool) async throws -> (HTTPFields, [UInt8]) {
                var headers: HTTPFields = [:]
                if bearer { headers[.authorization] = "Bearer \(api.token ?? "")" } else { headers[.cookie] = cookie }
                if gzip { headers[.acceptEncoding] = "gzip, deflate, br" }
                let response = try await client.execute(uri: uri, method: .get, headers: headers, body: nil)
                #expect(response.status == .ok)
                return (response.headers, Array(buffer: response.body))
            }
            for (uri, bearer) in [
                ("/sections/\(section.id.rawValue)", false),
                ("/api/v1/sections/\(section.id.rawValue)/gradebook", true),
            ] {
                for round in 0..<2 {
                    // Other tests share the demo school and may change it between two requests: compare only
                    // when the uncompressed body is the same before and after the gzip one.
                    var compared = false
                    var plain: [UInt8] = []
                    for _ in 0..<5 where !compared {
                        let (plainHeaders, before) = try await fetch(uri, gzip: false, bearer: bearer)
                        let (zippedHeaders, zipped) = try await fetch(uri, gzip: true, bearer: bearer)
                        let (_, after) = try await fetch(uri, gzip: false, bearer: bearer)
                        #expect(plainHeaders[.contentEncoding] == nil)
                        #expect(zippedHeaders[.contentEncoding] == "gzip")
                        #expect(zippedHeaders[.vary] == "Accept-Encoding")
                        #expect(zipped.count * 4 < before.count, "\(uri): \(zipped.count) of \(before.count) bytes")
                        guard before == after else { continue }
                        plain = before
                        #expect(try Self.gunzip(zipped) == plain, "\(uri), round \(round)")
                        compared = true
                    }
                    #expect(compared, "\(uri): the data kept changing")
                    if round == 0 {
                        // A change in between: both encodings must show it.
                        let competency = try #require(
                            try await SectionData.load(section.id, store: store).gradebook.competencies.first)
                        let recorded = try await api.call(
                            "/api/v1/evidence", method: .post,
                            json: [
                                "studentId": student.id.rawValue, "competencyId": competency.id.rawValue, "score": 2,
                            ])
                        #expect(recorded.status == .created)
                        let (_, after) = try await fetch(uri, gzip: true, bearer: bearer)
                        #expect(try Self.gunzip(after) != plain)
                    }
                }
            }
        }
    }
}
