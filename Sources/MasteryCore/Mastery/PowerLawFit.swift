import Foundation

/// Marzano's power law, `s = a·xᵇ`, fitted by least squares on `ln s = ln a + b·ln x` with `x = 1…n` in
/// evidence order; the value is the fitted score at the latest position, `a·nᵇ`.
///
/// No gradebook documents the awkward cases, so these are our decisions (see `docs/calculations/power-law.md`):
/// - one score: that score (no slope can be fitted);
/// - a flat line: that score (`b = 0`);
/// - a score below the *floor* (10 % of the scale's top, 0.5 on a 0–5 scale), 0 included, is raised to the
///   floor before taking logarithms, since `ln 0` does not exist; when every score is 0 the value is 0;
/// - the result is capped to the scale, `[0, pointsPossible]`; the fit alone can overshoot the top.
public struct PowerLawFit: Sendable {
    /// `ln a` of the fitted curve (the intercept).
    public let logIntercept: Double
    /// `b`, the growth exponent (the slope in log–log space).
    public let exponent: Double
    /// The fitted score at the latest position, before capping.
    public let uncapped: Double
    /// The result: `uncapped` capped to the scale.
    public let value: Double
    /// The floor below which scores were raised.
    public let floor: Double
    /// How many scores were raised to the floor.
    public let raisedCount: Int

    public init(scores: UnsafeBufferPointer<Double>, scale: CalculationScale) {
        let n = scores.count
        let floor = 0.1 * max(scale.pointsPossible, 1)
        self.floor = floor
        var raised = 0
        var allZero = true
        var allEqual = true
        for score in scores {
            if score < floor { raised += 1 }
            if score != 0 { allZero = false }
            if score != scores[0] { allEqual = false }
        }
        raisedCount = raised
        if allZero {
            (logIntercept, exponent, uncapped, value) = (-.infinity, 0, 0, 0)
            return
        }
        if n == 1 || allEqual {
            let only = scores[0]
            logIntercept = log(max(only, floor))
            exponent = 0
            uncapped = only
            value = Self.cap(only, scale)
            return
        }
        var sumX = 0.0
        var sumY = 0.0
        for (index, score) in scores.enumerated() {
            sumX += log(Double(index + 1))
            sumY += log(max(score, floor))
        }
        let meanX = sumX / Double(n)
        let meanY = sumY / Double(n)
        var covariance = 0.0
        var varianceX = 0.0
        for (index, score) in scores.enumerated() {
            let dx = log(Double(index + 1)) - meanX
            covariance += dx * (log(max(score, floor)) - meanY)
            varianceX += dx * dx
        }
        let slope = covariance / varianceX
        let intercept = meanY - slope * meanX
        logIntercept = intercept
        exponent = slope
        uncapped = exp(intercept + slope * log(Double(n)))
        value = Self.cap(uncapped, scale)
    }

    public init(scores: [Double], scale: CalculationScale) {
        self = scores.withUnsafeBufferPointer { PowerLawFit(scores: $0, scale: scale) }
    }

    /// The fitted score at position `x` (1-based), uncapped.
    public func fitted(at x: Int) -> Double {
        logIntercept == -.infinity ? 0 : exp(logIntercept + exponent * log(Double(x)))
    }

    static func cap(_ value: Double, _ scale: CalculationScale) -> Double {
        min(max(value, 0), scale.pointsPossible)
    }
}
