import Foundation

/// Quality of probabilistic predictions of binary outcomes.
public enum ClassificationMetrics {
    /// Area under the ROC curve: the probability that a random positive is ranked above a random negative,
    /// ties counting one half (the Mann–Whitney statistic). `nil` without both classes.
    /// - Complexity: O(n log n).
    public static func auc(predictions: [Double], outcomes: [UInt8]) -> Double? {
        precondition(predictions.count == outcomes.count)
        let order = predictions.indices.sorted { predictions[$0] < predictions[$1] }
        var positives = 0.0
        var negatives = 0.0
        var rankSumPositives = 0.0
        var index = 0
        while index < order.count {
            var end = index
            while end + 1 < order.count && predictions[order[end + 1]] == predictions[order[index]] { end += 1 }
            let averageRank = Double(index + end) / 2 + 1
            for k in index...end {
                if outcomes[order[k]] != 0 {
                    positives += 1
                    rankSumPositives += averageRank
                } else {
                    negatives += 1
                }
            }
            index = end + 1
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
}
