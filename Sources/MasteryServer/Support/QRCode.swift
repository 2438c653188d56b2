/// A QR code (ISO/IEC 18004) for a short text such as a sign-in link: byte mode, error correction level M
/// (15% of the code can be damaged or covered), the smallest version 1–10 that holds the text, and the mask
/// with the lowest penalty. `SignInCardsPage` draws it as SVG; the tests read it back with a real decoder.
struct QRCode: Equatable {
    /// Modules per side (21 for version 1, four more per version).
    let size: Int
    let version: Int
    let mask: Int
    /// Row-major, true for dark.
    private(set) var modules: [[Bool]]

    subscript(x: Int, y: Int) -> Bool { modules[y][x] }

    enum Failure: Error, Equatable {
        /// More than version 10-M holds (213 bytes).
        case tooLong(bytes: Int)
    }

    // Version 1…10 at level M: error-correction codewords per block and number of blocks.
    private static let eccPerBlock = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26]
    private static let blocks = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5]
    private static let formatLevelBits = 0  // level M

    init(text: String) throws(Failure) {
        let bytes = Array(text.utf8)
        var chosen: Int?
        for version in 1...10 {
            let countBits = version < 10 ? 8 : 16
            if 4 + countBits + bytes.count * 8 <= Self.dataCodewords(version) * 8 {
                chosen = version
                break
            }
        }
        guard let version = chosen else { throw .tooLong(bytes: bytes.count) }
        self.init(version: version, bytes: bytes)
    }

    private init(version: Int, bytes: [UInt8]) {
        self.version = version
        size = version * 4 + 17
        modules = Array(repeating: Array(repeating: false, count: size), count: size)
        var function = Array(repeating: Array(repeating: false, count: size), count: size)
        Self.drawFunctionPatterns(version: version, size: size, modules: &modules, function: &function)
        let codewords = Self.interleavedCodewords(version: version, data: Self.dataCodewords(bytes, version: version))
        Self.drawCodewords(codewords, size: size, modules: &modules, function: function)
        var best = (mask: 0, penalty: Int.max, modules: modules)
        for mask in 0..<8 {
            var candidate = modules
            Self.applyMask(mask, size: size, modules: &candidate, function: function)
            Self.drawFormatBits(mask: mask, size: size, modules: &candidate, function: &function)
            let penalty = Self.penalty(candidate, size: size)
            if penalty < best.penalty { best = (mask, penalty, candidate) }
        }
        mask = best.mask
        modules = best.modules
    }

    // MARK: Data

    static func rawDataModules(_ version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignments = version / 7 + 2
            result -= (25 * alignments - 10) * alignments - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    static func dataCodewords(_ version: Int) -> Int {
        rawDataModules(version) / 8 - eccPerBlock[version] * blocks[version]
    }

    /// Mode, count, the bytes, terminator and padding, as codewords.
    static func dataCodewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) {
            for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
        }
        append(0b0100, 4)
        append(bytes.count, version < 10 ? 8 : 16)
        for byte in bytes { append(Int(byte), 8) }
        let capacity = dataCodewords(version) * 8
        append(0, min(4, capacity - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var codewords: [UInt8] = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while codewords.count < dataCodewords(version) {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// Splits the data into blocks, adds each block's Reed–Solomon codewords, and interleaves them.
    static func interleavedCodewords(version: Int, data: [UInt8]) -> [UInt8] {
        let count = blocks[version]
        let eccLength = eccPerBlock[version]
        let raw = rawDataModules(version) / 8
        let shortBlocks = count - raw % count
        let shortLength = raw / count
        let divisor = reedSolomonDivisor(degree: eccLength)
        var all: [[UInt8]] = []
        var offset = 0
        for index in 0..<count {
            let length = shortLength - eccLength + (index < shortBlocks ? 0 : 1)
            var block = Array(data[offset..<offset + length])
            offset += length
            let ecc = reedSolomonRemainder(block, divisor: divisor)
            if index < shortBlocks { block.append(0) }
            all.append(block + ecc)
        }
        var result: [UInt8] = []
        for position in 0..<all[0].count {
            for (index, block) in all.enumerated()
            where position != shortLength - eccLength || index >= shortBlocks {
                result.append(block[position])
            }
        }
        return result
    }

    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z = 0
        for shift in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= Int((y >> UInt8(shift)) & 1) * Int(x)
        }
        return UInt8(z)
    }

    static func reedSolomonDivisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func reedSolomonRemainder(_ data: [UInt8], divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for index in 0..<result.count { result[index] ^= multiply(divisor[index], factor) }
        }
        return result
    }

    // MARK: Drawing

    static func alignmentPositions(_ version: Int, size: Int) -> [Int] {
        guard version > 1 else { return [] }
        let count = version / 7 + 2
        let step = (version * 8 + count * 3 + 5) / (count * 4 - 4) * 2
        var result = [6]
        var position = size - 7
        while result.count < count {
            result.insert(position, at: 1)
            position -= step
        }
        return result
    }

    static func drawFunctionPatterns(version: Int, size: Int, modules: inout [[Bool]], function: inout [[Bool]]) {
        func set(_ x: Int, _ y: Int, _ dark: Bool) {
            modules[y][x] = dark
            function[y][x] = true
        }
        for i in 0..<size {
            set(6, i, i % 2 == 0)
            set(i, 6, i % 2 == 0)
        }
        for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4...4 {
                for dx in -4...4 {
                    let x = cx + dx
                    let y = cy + dy
                    guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                    let distance = max(abs(dx), abs(dy))
                    set(x, y, distance != 2 && distance != 4)
                }
            }
        }
        let positions = alignmentPositions(version, size: size)
        let last = positions.count - 1
        for (i, x) in positions.enumerated() {
            for (j, y) in positions.enumerated() {
                if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                for dy in -2...2 {
                    for dx in -2...2 { set(x + dx, y + dy, max(abs(dx), abs(dy)) != 1) }
                }
            }
        }
        // Reserve the format areas (drawn for real once the mask is chosen).
        drawFormatBits(mask: 0, size: size, modules: &modules, function: &function)
        if version >= 7 {
            var remainder = version
            for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
            let bits = version << 12 | remainder
            for i in 0..<18 {
                let dark = (bits >> i) & 1 == 1
                let a = size - 11 + i % 3
                let b = i / 3
                set(a, b, dark)
                set(b, a, dark)
            }
        }
    }

    static func drawFormatBits(mask: Int, size: Int, modules: inout [[Bool]], function: inout [[Bool]]) {
        func set(_ x: Int, _ y: Int, _ dark: Bool) {
            modules[y][x] = dark
            function[y][x] = true
        }
        let data = formatLevelBits << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        for i in 0...5 { set(8, i, bit(i)) }
        set(8, 7, bit(6))
        set(8, 8, bit(7))
        set(7, 8, bit(8))
        for i in 9..<15 { set(14 - i, 8, bit(i)) }
        for i in 0..<8 { set(size - 1 - i, 8, bit(i)) }
        for i in 8..<15 { set(8, size - 15 + i, bit(i)) }
        set(8, size - 8, true)
    }

    static func drawCodewords(_ codewords: [UInt8], size: Int, modules: inout [[Bool]], function: [[Bool]]) {
        var index = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for j in 0..<2 {
                    let x = right - j
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? size - 1 - vertical : vertical
                    if !function[y][x], index < codewords.count * 8 {
                        modules[y][x] = (codewords[index >> 3] >> UInt8(7 - index & 7)) & 1 == 1
                        index += 1
                    }
                }
            }
            right -= 2
        }
    }

    static func applyMask(_ mask: Int, size: Int, modules: inout [[Bool]], function: [[Bool]]) {
        for y in 0..<size {
            for x in 0..<size where !function[y][x] {
                let invert: Bool
                switch mask {
                case 0: invert = (x + y) % 2 == 0
                case 1: invert = y % 2 == 0
                case 2: invert = x % 3 == 0
                case 3: invert = (x + y) % 3 == 0
                case 4: invert = (x / 3 + y / 2) % 2 == 0
                case 5: invert = x * y % 2 + x * y % 3 == 0
                case 6: invert = (x * y % 2 + x * y % 3) % 2 == 0
                default: invert = ((x + y) % 2 + x * y % 3) % 2 == 0
                }
                if invert { modules[y][x].toggle() }
            }
        }
    }

    /// The standard's penalty: long runs, 2×2 blocks, finder-like patterns, and imbalance of dark and light.
    static func penalty(_ modules: [[Bool]], size: Int) -> Int {
        var total = 0
        func lines(_ transpose: Bool) -> [[Bool]] {
            transpose ? (0..<size).map { x in (0..<size).map { y in modules[y][x] } } : modules
        }
        for line in lines(false) + lines(true) {
            var run = 1
            for i in 1..<size {
                if line[i] == line[i - 1] {
                    run += 1
                    if run == 5 { total += 3 } else if run > 5 { total += 1 }
                } else {
                    run = 1
                }
            }
            let pattern: [Bool] = [true, false, true, true, true, false, true]
            for start in 0...(size - 7) where Array(line[start..<start + 7]) == pattern {
                let before = start >= 4 && !line[(start - 4)..<start].contains(true)
                let after = start + 11 <= size && !line[(start + 7)..<(start + 11)].contains(true)
                if before || after { total += 40 }
            }
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let color = modules[y][x]
                if modules[y][x + 1] == color, modules[y + 1][x] == color, modules[y + 1][x + 1] == color {
                    total += 3
                }
            }
        }
        let dark = modules.reduce(0) { $0 + $1.filter { $0 }.count }
        let cells = size * size
        let deviation = abs(dark * 20 - cells * 10)
        total += max(0, (deviation + cells - 1) / cells - 1) * 10
        return total
    }

    // MARK: Output

    /// SVG with a quiet zone of four modules, one path for all dark modules; `label` is its accessible name.
    func svg(label: String, pixelsPerModule: Int = 4) -> String {
        let side = size + 8
        var path = ""
        for y in 0..<size {
            for x in 0..<size where modules[y][x] { path += "M\(x + 4) \(y + 4)h1v1h-1z" }
        }
        let escaped = HTMLEscaping.attribute(label)
        return
            "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" "
            + "width=\"\(side * pixelsPerModule)\" height=\"\(side * pixelsPerModule)\" role=\"img\" "
            + "aria-label=\"\(escaped)\" shape-rendering=\"crispEdges\"><title>\(escaped)</title>"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(path)\"/></svg>"
    }

    /// A binary PGM image (for decoders in tests), `scale` pixels per module, with the quiet zone.
    func pgm(scale: Int = 4) -> [UInt8] {
        let side = (size + 8) * scale
        var bytes = Array("P5\n\(side) \(side)\n255\n".utf8)
        for row in 0..<side {
            let y = row / scale - 4
            for column in 0..<side {
                let x = column / scale - 4
                let dark = (0..<size).contains(x) && (0..<size).contains(y) && modules[y][x]
                bytes.append(dark ? 0 : 255)
            }
        }
        return bytes
    }
}
