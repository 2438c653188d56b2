/// The arithmetic of every calculation method, over scores already in evidence order (oldest first) and with
/// results that have no score already removed.
///
/// This is the hot path: no allocation for the averaging methods, one pass over contiguous memory.
/// `MasteryCalculator.explain` shows the same arithmetic step by step.
public enum MasteryCalculator {
    /// The value of `scores` under `method`, or `nil` when the method yields none (no scores, or n-times not
    /// yet reached).
    ///
    /// - Complexity: O(n), except `mode`, which is O(n²) for up to 64 scores and O(n log n) above.
    public static func value(
        of scores: UnsafeBufferPointer<Double>, method: CalculationMethod, scale: CalculationScale
    ) -> Double? {
        let n = scores.count
        guard n > 0 else { return nil }
        switch method {
        case .highest:
            var best = scores[0]
            for score in scores where score > best { best = score }
            return best
        case .latest:
            return scores[n - 1]
        case .mean:
            return sum(scores, upTo: n) / Double(n)
        case .mode:
            return mode(of: scores)
        case .weightedAverage(let percent):
            guard n > 1 else { return scores[0] }
            let w = Double(percent) / 100
            return w * scores[n - 1] + (1 - w) * (sum(scores, upTo: n - 1) / Double(n - 1))
        case .decayingAverage(let percent):
            let w = Double(percent) / 100
            var running = scores[0]
            var index = 1
            while index < n {
                running = (1 - w) * running + w * scores[index]
                index += 1
            }
            return running
        case .nTimes(let times):
            guard n >= times else { return nil }
            var total = 0.0
            var count = 0
            for score in scores where score >= scale.masteryPoints {
                total += score
                count += 1
            }
            return count >= times ? total / Double(count) : nil
        case .powerLaw:
            return PowerLawFit(scores: scores, scale: scale).value
        case .bkt(let parameters):
            var tracer = BKTTracer(parameters: parameters)
            var after = parameters.prior
            for score in scores { after = tracer.observe(correct: score >= scale.masteryPoints) }
            return after
        }
    }

    /// Convenience over an array.
    public static func value(of scores: [Double], method: CalculationMethod, scale: CalculationScale) -> Double? {
        scores.withUnsafeBufferPointer { value(of: $0, method: method, scale: scale) }
    }

    @inline(__always)
    static func sum(_ scores: UnsafeBufferPointer<Double>, upTo end: Int) -> Double {
        var total = 0.0
        var index = 0
        while index < end {
            total += scores[index]
            index += 1
        }
        return total
    }

    /// The most frequent score; among equally frequent scores, the one seen most recently.
    static func mode(of scores: UnsafeBufferPointer<Double>) -> Double {
        let n = scores.count
        if n <= 64 {
            var best = scores[n - 1]
            var bestCount = 0
            var index = n - 1
            while index >= 0 {
                let candidate = scores[index]
                var count = 0
                for score in scores where score == candidate { count += 1 }
                if count > bestCount {
                    best = candidate
                    bestCount = count
                }
                index -= 1
            }
            return best
        }
        var counts: [Double: (count: Int, lastIndex: Int)] = [:]
        for (index, score) in scores.enumerated() {
            counts[score, default: (0, index)].count += 1
            counts[score]!.lastIndex = index
        }
        let best = counts.max { a, b in
            a.value.count != b.value.count ? a.value.count < b.value.count : a.value.lastIndex < b.value.lastIndex
        }
        return best!.key
    }
}
