/// Mods as ranges, safe for any numbers a request may carry: a length below zero is empty and an end past
/// `Int.max` saturates, so neither building the range nor naming it can trap.
public enum ModRange {
    public static func of(start: Int, length: Int) -> Range<Int> {
        let (end, overflow) = start.addingReportingOverflow(max(length, 0))
        return start..<(overflow ? Int.max : end)
    }

    /// "3…5" for the mods of a session of three starting at 3.
    public static func text(start: Int, length: Int) -> String {
        let range = of(start: start, length: length)
        return range.isEmpty ? "\(start)…" : "\(range.lowerBound)…\(range.upperBound - 1)"
    }
}
