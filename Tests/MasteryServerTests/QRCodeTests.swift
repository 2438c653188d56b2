import Foundation
import Testing

@testable import MasteryServer

/// The sign-in cards' QR codes, read back by a real decoder (zbarimg, Debian's zbar-tools). CI installs it and
/// sets MASTERLY_TEST_REQUIRE_TOOLS=1, so there a missing decoder fails instead of skipping.
@Suite("QR codes")
struct QRCodeTests {
    static let zbarimg = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static let required = ProcessInfo.processInfo.environment["MASTERLY_TEST_REQUIRE_TOOLS"] == "1"

    static func decode(_ code: QRCode) throws -> String {
        try decode(image: code.pgm())
    }

    /// Decodes modules (row-major, dark = true) drawn with a four-module quiet zone.
    static func decode(modules: [[Bool]]) throws -> String {
        let scale = 4
        let side = (modules.count + 8) * scale
        var bytes = Array("P5\n\(side) \(side)\n255\n".utf8)
        for row in 0..<side {
            for column in 0..<side {
                let y = row / scale - 4
                let x = column / scale - 4
                let dark = modules.indices.contains(y) && modules.indices.contains(x) && modules[y][x]
                bytes.append(dark ? 0 : 255)
            }
        }
        return try decode(image: bytes)
    }

    static func decode(image: [UInt8]) throws -> String {
        let decoder = try #require(zbarimg)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).pgm")
        try Data(image).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: decoder)
        process.arguments = ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", "-Sbinary", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    @Test(
        "Every version 1–10 encodes and a real decoder reads back exactly the text",
        arguments: [
            "a", "HELLO", "https://masterly.example.org/card/" + String(repeating: "x", count: 43),
            "http://127.0.0.1:8080/card/AbC-_12", "Zoë 🎓 中文 — ¿Qué tal?", String(repeating: "0123456789", count: 8),
            String(repeating: "w", count: 120), String(repeating: "k", count: 180), String(repeating: "z", count: 213),
        ])
    func roundTrip(_ text: String) throws {
        let code = try QRCode(text: text)
        #expect(code.size == code.version * 4 + 17)
        guard Self.zbarimg != nil || Self.required else { return }
        #expect(try Self.decode(code) == text, "version \(code.version), mask \(code.mask)")
    }

    @Test("The smallest version is chosen, and text beyond version 10 is refused")
    func versions() throws {
        #expect(try QRCode(text: String(repeating: "a", count: 14)).version == 1)
        #expect(try QRCode(text: String(repeating: "a", count: 15)).version == 2)
        #expect(try QRCode(text: String(repeating: "a", count: 213)).version == 10)
        #expect(throws: QRCode.Failure.tooLong(bytes: 214)) { try QRCode(text: String(repeating: "a", count: 214)) }
    }

    @Test("The SVG escapes its label and draws the quiet zone")
    func svg() throws {
        let svg = try QRCode(text: "x").svg(label: #"Ana "<b>""#)
        #expect(svg.contains(#"aria-label="Ana &quot;&lt;b&gt;&quot;""#))
        #expect(svg.contains(#"viewBox="0 0 29 29""#))
        #expect(!svg.contains("<b>"))
    }
}
