import Foundation

/// The fast path of `ResponseLogCSV` for files without quotes (large exports): one pass over the bytes,
/// numbers parsed in place, names turned into strings only when they change from one row to the next.
/// Returns nil — and the careful reader takes over and reports the problem — at the first row it cannot read.
enum ResponseLogFastReader {
    static func read(_ data: Data) -> ResponseLog? {
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, raw.count > 0 else { return nil }
            return read(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: raw.count))
        }
    }

    /// Finds the column positions from the header line; nil when the careful reader should decide.
    static func header(
        _ text: String
    ) -> (separator: UInt8, columns: (order: Int, user: Int, skill: Int, correct: Int))? {
        let separator: UInt8 = text.filter { $0 == "\t" }.count > text.filter { $0 == "," }.count ? 9 : 44
        let names = text.split(separator: Character(UnicodeScalar(separator)), omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.contains("split") else { return nil }
        for candidate in ResponseLogCSV.columnNames {
            if let o = names.firstIndex(of: candidate.order), let u = names.firstIndex(of: candidate.user),
                let s = names.firstIndex(of: candidate.skill), let c = names.firstIndex(of: candidate.correct)
            {
                return (separator, (o, u, s, c))
            }
        }
        return nil
    }

    /// Interns names by their bytes, making a string only the first time a name is seen.
    struct Names {
        var list: [String] = []
        private var byHash: [UInt64: [(bytes: [UInt8], id: Int32)]] = [:]
        private var lastStart = -1
        private var lastEnd = -1
        private var lastID: Int32 = -1

        mutating func id(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
            if lastStart >= 0 && end - start == lastEnd - lastStart
                && memcmp(bytes.baseAddress! + start, bytes.baseAddress! + lastStart, end - start) == 0
            {
                (lastStart, lastEnd) = (start, end)
                return lastID
            }
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for index in start..<end { hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3 }
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if let known = byHash[hash]?.first(where: { $0.bytes.elementsEqual(slice) }) {
                lastID = known.id
            } else {
                lastID = Int32(list.count)
                list.append(String(decoding: slice, as: UTF8.self))
                byHash[hash, default: []].append((Array(slice), lastID))
            }
            (lastStart, lastEnd) = (start, end)
            return lastID
        }
    }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> ResponseLog? {
        let newline = UInt8(ascii: "\n")
        let base = bytes.baseAddress!
        func lineEnd(from position: Int) -> Int {
            guard position < bytes.count, let found = memchr(base + position, Int32(newline), bytes.count - position)
            else {
                return bytes.count
            }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        let headerEnd = lineEnd(from: 0)
        let headerText = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<headerEnd]), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard let (separator, columns) = header(headerText) else { return nil }
        let wanted = max(columns.order, columns.user, columns.skill, columns.correct)
        var log = ResponseLog()
        log.rows.reserveCapacity(bytes.count / 16)
        var users = Names()
        var skills = Names()
        var starts = Array(repeating: 0, count: wanted + 2)
        var ends = Array(repeating: 0, count: wanted + 2)
        var line = 1
        var position = headerEnd + 1
        while position < bytes.count {
            line += 1
            let end = lineEnd(from: position)
            var stop = end
            if stop > position && bytes[stop - 1] == 13 { stop -= 1 }
            defer { position = end + 1 }
            if stop == position { continue }
            var field = 0
            var fieldStart = position
            var index = position
            while index <= stop && field <= wanted {
                if index == stop || bytes[index] == separator {
                    starts[field] = fieldStart
                    ends[field] = index
                    field += 1
                    fieldStart = index + 1
                }
                index += 1
            }
            guard field > wanted else { return nil }
            if starts[columns.skill] == ends[columns.skill] {
                log.skipped["no skill", default: 0] += 1
                continue
            }
            guard let correct = integer(bytes, starts[columns.correct], ends[columns.correct]),
                (-1...1).contains(correct),
                let order = integer(bytes, starts[columns.order], ends[columns.order])
            else { return nil }
            if correct == -1 {
                log.skipped["no response (correct = -1)", default: 0] += 1
                continue
            }
            guard starts[columns.user] < ends[columns.user] else { return nil }
            let user = users.id(bytes, starts[columns.user], ends[columns.user])
            let skill = skills.id(bytes, starts[columns.skill], ends[columns.skill])
            log.rows.append(
                .init(order: order, user: user, skill: skill, correct: UInt8(correct), split: nil, line: Int32(line)))
        }
        log.users = users.list
        log.skills = skills.list
        return log
    }

    /// An optionally signed decimal integer, surrounding spaces allowed.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var from = start
        var to = end
        while from < to && bytes[from] == 32 { from += 1 }
        while to > from && bytes[to - 1] == 32 { to -= 1 }
        var negative = false
        if from < to && bytes[from] == UInt8(ascii: "-") {
            negative = true
            from += 1
        }
        guard from < to, to - from < 19 else { return nil }
        var value = 0
        for index in from..<to {
            let byte = bytes[index]
            guard byte >= 48 && byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return negative ? -value : value
    }
}
