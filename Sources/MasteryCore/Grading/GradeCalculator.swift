/// Turns a student's competency records into a grade under a `GradeRule`. Pure; the same records always give the
/// same grade and the same explanation.
public enum GradeCalculator {
    /// The grade of one student over `curriculum`'s leaf competencies (academic ones count; habits apart).
    public static func grade(
        rule: GradeRule, curriculum: Curriculum, records: [Competency.ID: MasteryRecord]
    ) -> FinalGrade {
        var levels: [(level: Double, weight: Double, mastered: Bool)] = []
        var unassessed = 0
        var habits: [Double] = []
        for competency in curriculum.leafCompetencies {
            guard let scale = curriculum.scale(for: competency) else { continue }
            let level = level(of: records[competency.id], on: scale)
            switch competency.kind {
            case .habit:
                if let level { habits.append(level.value) }
            case .academic:
                let weight = rule.strandWeights[competency.strandID.rawValue] ?? 1
                if let level {
                    levels.append((level.value, weight, level.mastered))
                } else {
                    unassessed += 1
                    if rule.unassessed == .lowest { levels.append((scale.lowestValue, weight, false)) }
                }
            case .career: continue
            }
        }
        let habitsMean = habits.isEmpty ? nil : habits.reduce(0, +) / Double(habits.count)
        let assessedCount = levels.count - (rule.unassessed == .lowest ? unassessed : 0)
        guard assessedCount > 0 else {
            return FinalGrade(
                grade: nil, mean: nil, lowest: nil, masteredShare: nil, counted: 0, unassessed: unassessed,
                habitsMean: habitsMean, habitsCounted: habits.count, explanation: "Nothing assessed yet.")
        }
        let totalWeight = levels.reduce(0) { $0 + $1.weight }
        let mean =
            totalWeight > 0
            ? levels.reduce(0) { $0 + $1.level * $1.weight } / totalWeight
            : levels.reduce(0) { $0 + $1.level } / Double(levels.count)
        let lowest = levels.map(\.level).min() ?? 0
        let share = Double(levels.filter(\.mastered).count) / Double(levels.count)
        var words = [
            summary(rule, counted: levels.count, unassessed: unassessed, mean: mean, lowest: lowest, share: share)
        ]
        let grade: String
        if rule.unassessed == .incomplete && unassessed > 0 {
            grade = GradeRule.incompleteGrade
            words.append("Incomplete: \(unassessed) not assessed yet, and this rule needs every one.")
        } else {
            var chosen: String?
            for tier in rule.tiers {
                let failed = failures(of: tier, mean: mean, lowest: lowest, share: share)
                if failed.isEmpty {
                    words.append("\(tier.grade): \(conditions(of: tier)) — yes.")
                    chosen = tier.grade
                    break
                }
                words.append("Not \(tier.grade): \(failed.joined(separator: "; ")).")
            }
            grade = chosen ?? rule.fallback
            if chosen == nil { words.append("So \(rule.fallback).") }
        }
        if let habitsMean {
            words.append(
                "Habits of work, reported apart: mean level \(DisplayRounding.text(habitsMean)) over \(habits.count).")
        }
        return FinalGrade(
            grade: grade, mean: mean, lowest: lowest, masteredShare: share, counted: levels.count,
            unassessed: unassessed, habitsMean: habitsMean, habitsCounted: habits.count,
            explanation: words.joined(separator: " "))
    }

    /// The level a record stands at, nil when not assessed. A knowledge-tracing record (a probability, no level)
    /// stands at the mastery threshold when mastered and the lowest level otherwise.
    static func level(of record: MasteryRecord?, on scale: ProficiencyScale) -> (value: Double, mastered: Bool)? {
        guard let record, record.status == .assessed else { return nil }
        if let value = record.levelValue { return (value, record.mastered) }
        return (record.mastered ? scale.masteryThreshold : scale.lowestValue, record.mastered)
    }

    static func summary(
        _ rule: GradeRule, counted: Int, unassessed: Int, mean: Double, lowest: Double, share: Double
    ) -> String {
        var text = "\(rule.name): mean level \(DisplayRounding.text(mean)) over \(counted) competencies"
        if !rule.strandWeights.isEmpty { text += " (strands weighted)" }
        if unassessed > 0 {
            switch rule.unassessed {
            case .skip: text += ", \(unassessed) not assessed yet left out"
            case .lowest: text += ", \(unassessed) not assessed yet counted at the lowest level"
            case .incomplete: text += ", \(unassessed) not assessed yet"
            }
        }
        return text + "; lowest \(DisplayRounding.short(lowest)); \(percent(share)) mastered."
    }

    public static func conditions(of tier: GradeRule.Tier) -> String {
        var parts: [String] = []
        if let mean = tier.meanAtLeast { parts.append("mean at least \(DisplayRounding.text(mean))") }
        if let floor = tier.noneBelow { parts.append("none below \(DisplayRounding.short(floor))") }
        if let share = tier.masteredShareAtLeast { parts.append("at least \(percent(share)) mastered") }
        return parts.joined(separator: " and ")
    }

    static func failures(of tier: GradeRule.Tier, mean: Double, lowest: Double, share: Double) -> [String] {
        var failed: [String] = []
        // Compared as displayed: a mean shown as 3.50 meets "at least 3.50".
        if let needed = tier.meanAtLeast, DisplayRounding.rounded(mean) < needed {
            failed.append("needs a mean of \(DisplayRounding.text(needed)), has \(DisplayRounding.text(mean))")
        }
        if let floor = tier.noneBelow, lowest < floor {
            failed.append(
                "needs none below \(DisplayRounding.short(floor)), lowest is \(DisplayRounding.short(lowest))")
        }
        if let needed = tier.masteredShareAtLeast, share + 1e-9 < needed {
            failed.append("needs \(percent(needed)) mastered, has \(percent(share))")
        }
        return failed
    }

    public static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }
}
