import Foundation

/// Quality of probabilistic predictions of binary outcomes.
public enum ClassificationMetrics {
    /// Area under the ROC curve: the probability that a random positive is ranked above a random negative,
    /// ties counting one half (the Mann–Whitney statistic). `nil` without both classes.
    /// - Complexity: O(n log n).
    public static func auc(predictions: [Double], outcomes: [UInt8]) -> Double? {
        precondition(predictions.count == outcomes.count)
        // Sort keys that carry the outcome in the lowest bit; for the non-negative predictions of probabilities
        // the bit patterns sort like the values, and equal predictions stay together.
        var keys = [UInt64](repeating: 0, count: predictions.count)
        for index in predictions.indices {
            let value = max(predictions[index], 0)
            keys[index] = (value.bitPattern << 1) | UInt64(outcomes[index] != 0 ? 1 : 0)
        }
        radixSort(&keys)
        var positives = 0.0
        var negatives = 0.0
        var rankSumPositives = 0.0
        var index = 0
        while index < keys.count {
            let value = keys[index] >> 1
            var end = index
            var tiedPositives = 0.0
            while end < keys.count && keys[end] >> 1 == value {
                tiedPositives += Double(keys[end] & 1)
                end += 1
            }
            let averageRank = Double(index + end - 1) / 2 + 1
            positives += tiedPositives
            negatives += Double(end - index) - tiedPositives
            rankSumPositives += tiedPositives * averageRank
            index = end
        }
        guard positives > 0, negatives > 0 else { return nil }
        return (rankSumPositives - positives * (positives + 1) / 2) / (positives * negatives)
    }

    /// Root mean squared error of the predicted probabilities.
    public static func rmse(predictions: [Double], outcomes: [UInt8]) -> Double? {
        guard !predictions.isEmpty else { return nil }
        var sum = 0.0
        for (prediction, outcome) in zip(predictions, outcomes) {
            let error = prediction - Double(outcome)
            sum += error * error
        }
        return (sum / Double(predictions.count)).squareRoot()
    }

    /// Sorts in O(n) with eight passes of an 8-bit least-significant-digit radix sort; passes whose byte is the
    /// same in every key are skipped.
    static func radixSort(_ keys: inout [UInt64]) {
        guard keys.count > 64 else {
            keys.sort()
            return
        }
        var buffer = [UInt64](repeating: 0, count: keys.count)
        for pass in 0..<8 {
            let shift = UInt64(pass * 8)
            var counts = [Int](repeating: 0, count: 257)
            for key in keys { counts[Int((key >> shift) & 0xFF) + 1] += 1 }
            if counts.contains(keys.count) { continue }
            for index in 1...256 { counts[index] += counts[index - 1] }
            for key in keys {
                let digit = Int((key >> shift) & 0xFF)
                buffer[counts[digit]] = key
                counts[digit] += 1
            }
            swap(&keys, &buffer)
        }
    }
}
