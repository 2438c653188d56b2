import Foundation

/// A student's growth across many competencies, for one chart: at each scored piece of evidence, in time
/// order, its score and the average of the competencies' values so far (each worked out by its framework's
/// method, as the gradebook does).
public enum GrowthSeries {
    public struct Point: Sendable, Hashable {
        public var date: Date
        public var score: Double
        /// After this piece: the mean value of the competencies assessed so far (a course's series), or the
        /// competency's own value (`byCompetency`).
        public var average: Double
    }

    /// The series over `competencies`, from the student's evidence by competency, each computed with the
    /// student's effective policy for its framework (`EffectivePolicy`; the framework's own when absent).
    public static func points(
        evidence: [Competency.ID: [Evidence]], competencies: [Competency], curriculum: Curriculum,
        policies: [Framework.ID: MasteryPolicy] = [:]
    ) -> [Point] {
        var pieces: [(evidence: Evidence, competency: Competency)] = []
        for competency in competencies {
            for piece in evidence[competency.id] ?? [] where piece.score != nil { pieces.append((piece, competency)) }
        }
        pieces.sort {
            $0.evidence.observedAt != $1.evidence.observedAt
                ? $0.evidence.observedAt < $1.evidence.observedAt : $0.evidence.sequence < $1.evidence.sequence
        }
        var scores: [Competency.ID: [Double]] = [:]
        var values: [Competency.ID: Double] = [:]
        var points: [Point] = []
        for (piece, competency) in pieces {
            guard let score = piece.score, let scale = curriculum.scale(for: competency),
                let framework = curriculum.framework(competency.frameworkID)
            else { continue }
            scores[competency.id, default: []].append(score)
            values[competency.id] = MasteryCalculator.value(
                of: scores[competency.id]!, method: (policies[framework.id] ?? framework.policy).method,
                scale: scale.calculationScale)
            // Summed in a fixed order: the same evidence always draws the same line.
            let average =
                values.sorted { $0.key.rawValue < $1.key.rawValue }.reduce(0) { $0 + $1.value } / Double(values.count)
            points.append(Point(date: piece.observedAt, score: score, average: average))
        }
        return points
    }

    /// Each competency's own series: its scored evidence in order, each point with the competency's value so far
    /// (by the student's effective policy, as its record computes it).
    public static func byCompetency(
        evidence: [Competency.ID: [Evidence]], competencies: [Competency], curriculum: Curriculum,
        policies: [Framework.ID: MasteryPolicy] = [:]
    ) -> [Competency.ID: [Point]] {
        var series: [Competency.ID: [Point]] = [:]
        for competency in competencies {
            let points = Self.points(
                evidence: evidence, competencies: [competency], curriculum: curriculum, policies: policies)
            if !points.isEmpty { series[competency.id] = points }
        }
        return series
    }
}
