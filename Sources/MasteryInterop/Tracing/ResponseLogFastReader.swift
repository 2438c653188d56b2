import Foundation

/// The fast path of `ResponseLogCSV` for files without quotes (large exports): one pass over the bytes,
/// numbers parsed in place, names turned into strings only when they change from one row to the next.
/// Returns nil — and the careful reader takes over and reports the problem — at the first row it cannot read.
enum ResponseLogFastReader {
    static func read(_ data: Data) -> ResponseLog? {
        let bytes = [UInt8](data)
        let newline = UInt8(ascii: "\n")
        var headerEnd = bytes.firstIndex(of: newline) ?? bytes.count
        let headerText = String(decoding: bytes[0..<headerEnd], as: UTF8.self).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let separator: UInt8 = headerText.filter { $0 == "\t" }.count > headerText.filter { $0 == "," }.count ? 9 : 44
        let names = headerText.split(separator: Character(UnicodeScalar(separator)), omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var columns: (order: Int, user: Int, skill: Int, correct: Int)?
        for candidate in ResponseLogCSV.columnNames {
            if let o = names.firstIndex(of: candidate.order), let u = names.firstIndex(of: candidate.user),
                let s = names.firstIndex(of: candidate.skill), let c = names.firstIndex(of: candidate.correct)
            {
                columns = (o, u, s, c)
                break
            }
        }
        guard let columns, !names.contains("split") else { return nil }
        let wanted = max(columns.order, columns.user, columns.skill, columns.correct)
        var log = ResponseLog()
        log.rows.reserveCapacity(bytes.count / 16)
        var userIndex: [String: Int32] = [:]
        var skillIndex: [String: Int32] = [:]
        var lastUser: ArraySlice<UInt8> = []
        var lastUserID: Int32 = -1
        var lastSkill: ArraySlice<UInt8> = []
        var lastSkillID: Int32 = -1
        var starts = Array(repeating: 0, count: wanted + 2)
        var ends = Array(repeating: 0, count: wanted + 2)
        var line = 1
        var position = headerEnd + 1
        headerEnd = 0
        while position < bytes.count {
            line += 1
            var end = position
            while end < bytes.count && bytes[end] != newline { end += 1 }
            var lineEnd = end
            if lineEnd > position && bytes[lineEnd - 1] == 13 { lineEnd -= 1 }
            defer { position = end + 1 }
            if lineEnd == position { continue }
            var field = 0
            var fieldStart = position
            var index = position
            while index <= lineEnd && field <= wanted {
                if index == lineEnd || bytes[index] == separator {
                    starts[field] = fieldStart
                    ends[field] = index
                    field += 1
                    fieldStart = index + 1
                }
                index += 1
            }
            guard field > wanted else { return nil }
            let skillBytes = bytes[starts[columns.skill]..<ends[columns.skill]]
            if skillBytes.isEmpty {
                log.skipped["no skill", default: 0] += 1
                continue
            }
            guard let correct = integer(bytes[starts[columns.correct]..<ends[columns.correct]]),
                (-1...1).contains(correct),
                let order = integer(bytes[starts[columns.order]..<ends[columns.order]])
            else { return nil }
            if correct == -1 {
                log.skipped["no response (correct = -1)", default: 0] += 1
                continue
            }
            let userBytes = bytes[starts[columns.user]..<ends[columns.user]]
            guard !userBytes.isEmpty else { return nil }
            if !userBytes.elementsEqual(lastUser) {
                let name = String(decoding: userBytes, as: UTF8.self)
                lastUserID =
                    userIndex[name]
                    ?? {
                        let id = Int32(log.users.count)
                        log.users.append(name)
                        userIndex[name] = id
                        return id
                    }()
                lastUser = userBytes
            }
            if !skillBytes.elementsEqual(lastSkill) {
                let name = String(decoding: skillBytes, as: UTF8.self)
                lastSkillID =
                    skillIndex[name]
                    ?? {
                        let id = Int32(log.skills.count)
                        log.skills.append(name)
                        skillIndex[name] = id
                        return id
                    }()
                lastSkill = skillBytes
            }
            log.rows.append(
                .init(
                    order: order, user: lastUserID, skill: lastSkillID, correct: UInt8(correct), split: nil,
                    line: Int32(line)))
        }
        return log
    }

    /// An optionally signed decimal integer, surrounding spaces allowed.
    static func integer(_ field: ArraySlice<UInt8>) -> Int? {
        var slice = field
        while let first = slice.first, first == 32 { slice = slice.dropFirst() }
        while let last = slice.last, last == 32 { slice = slice.dropLast() }
        var negative = false
        if slice.first == UInt8(ascii: "-") {
            negative = true
            slice = slice.dropFirst()
        }
        guard !slice.isEmpty, slice.count < 19 else { return nil }
        var value = 0
        for byte in slice {
            guard byte >= 48 && byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return negative ? -value : value
    }
}
