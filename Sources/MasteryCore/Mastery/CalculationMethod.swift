import Foundation

/// A rule that turns a student's scores on one competency (oldest first) into one value.
///
/// The parameters, defaults and ranges follow the gradebooks teachers already know (Canvas LMS, PowerSchool,
/// JumpRope); `docs/calculations/` has a guide per method with a worked example.
public enum CalculationMethod: Hashable, Sendable {
    /// The highest score.
    case highest
    /// The most recent score.
    case latest
    /// The arithmetic mean.
    case mean
    /// The most frequent score; ties go to the most recently observed of the tied scores.
    case mode
    /// `w·newest + (1−w)·mean(earlier)` with `w = percent/100` (Canvas's legacy "decaying average").
    case weightedAverage(percent: Int)
    /// `d₁ = s₁, dₖ = (1−w)·dₖ₋₁ + w·sₖ` with `w = percent/100` (the classic decaying average).
    case decayingAverage(percent: Int)
    /// No value until `times` scores reach mastery; then the mean of every score at or above mastery.
    case nTimes(times: Int)
    /// Marzano's power law: least-squares fit of `ln s = ln a + b·ln x`, value `a·nᵇ`.
    case powerLaw
    /// Bayesian Knowledge Tracing: P(mastered) after the latest response, a score at or above mastery counting
    /// as correct. The parameters are the competency's, fitted from the school's evidence (pyBKT-like defaults
    /// until then); the value is a probability, not a point on the scale.
    case bkt(BKTParameters)

    /// The method's name without its parameter.
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case highest, latest, mean, mode
        case weightedAverage = "weighted-average"
        case decayingAverage = "decaying-average"
        case nTimes = "n-times"
        case powerLaw = "power-law"
        case bkt

        /// The allowed parameter values, or `nil` for methods that take no parameter.
        public var parameterRange: ClosedRange<Int>? {
            switch self {
            case .highest, .latest, .mean, .mode, .powerLaw, .bkt: nil
            case .weightedAverage: 1...99
            case .decayingAverage: 50...99
            case .nTimes: 1...10
            }
        }

        /// The parameter used when none is given.
        public var defaultParameter: Int? {
            switch self {
            case .highest, .latest, .mean, .mode, .powerLaw, .bkt: nil
            case .weightedAverage, .decayingAverage: 65
            case .nTimes: 5
            }
        }

        public var displayName: String {
            switch self {
            case .highest: "Highest score"
            case .latest: "Most recent score"
            case .mean: "Mean"
            case .mode: "Mode"
            case .weightedAverage: "Weighted average"
            case .decayingAverage: "Decaying average"
            case .nTimes: "n times at mastery"
            case .powerLaw: "Power law"
            case .bkt: "Knowledge tracing (BKT)"
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .highest: .highest
        case .latest: .latest
        case .mean: .mean
        case .mode: .mode
        case .weightedAverage: .weightedAverage
        case .decayingAverage: .decayingAverage
        case .nTimes: .nTimes
        case .powerLaw: .powerLaw
        case .bkt: .bkt
        }
    }

    public var parameter: Int? {
        switch self {
        case .highest, .latest, .mean, .mode, .powerLaw, .bkt: nil
        case .weightedAverage(let percent), .decayingAverage(let percent): percent
        case .nTimes(let times): times
        }
    }

    public var name: String { kind.rawValue }

    /// Whether the value is a probability (BKT) rather than a point on the proficiency scale.
    public var isProbability: Bool { kind == .bkt }

    /// "decaying-average 65", "mean".
    public var summary: String { parameter.map { "\(name) \($0)" } ?? name }

    /// Builds a method from its name and optional parameter, checking the parameter's range.
    public init(kind: Kind, parameter: Int? = nil) throws(MasteryCoreError) {
        if let range = kind.parameterRange {
            let value = parameter ?? kind.defaultParameter ?? range.lowerBound
            guard range.contains(value) else {
                throw .invalidParameter(
                    method: kind.rawValue,
                    message: "parameter \(value) is out of range; allowed: \(range.lowerBound)…\(range.upperBound)")
            }
            switch kind {
            case .weightedAverage: self = .weightedAverage(percent: value)
            case .decayingAverage: self = .decayingAverage(percent: value)
            default: self = .nTimes(times: value)
            }
        } else {
            if let parameter {
                throw .invalidParameter(
                    method: kind.rawValue, message: "takes no parameter (got \(parameter))")
            }
            switch kind {
            case .highest: self = .highest
            case .latest: self = .latest
            case .mean: self = .mean
            case .mode: self = .mode
            case .bkt: self = .bkt(.untrained)
            default: self = .powerLaw
            }
        }
    }

    /// Parses a method name and a parameter given as text (as typed on a command line or in a form).
    public init(name: String, parameterText: String?) throws(MasteryCoreError) {
        guard let kind = Kind(rawValue: name) else { throw .unknownMethod(name) }
        var parameter: Int?
        if let text = parameterText?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let value = Int(text) else {
                let allowed = kind.parameterRange.map { "an integer \($0.lowerBound)…\($0.upperBound)" } ?? "none"
                throw .invalidParameter(
                    method: name, message: "parameter '\(text)' is not a whole number; allowed: \(allowed)")
            }
            parameter = value
        }
        try self.init(kind: kind, parameter: parameter)
    }
}
