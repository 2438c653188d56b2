import Foundation
import MasteryCore

/// Why a step or an activity is recommended, in the reader's language: dates, numbers and lists as the language
/// writes them, titles as their authors wrote them.
struct NextStepWords {
    let t: Translator

    func reason(_ reason: NextStepAdvisor.Reason) -> String {
        switch reason {
        case .unlocked(let names):
            t("You mastered {names}, so this is unlocked.", ["names": list(names)])
        case .onPathway(let title, let step, let total, let isNext):
            t(
                isNext
                    ? "It is next on your pathway “{title}” (step {step} of {total})."
                    : "It is on your pathway “{title}” (step {step} of {total}).",
                ["title": title, "step": t.number(step), "total": t.number(total)])
        case .pastTarget(let date):
            t("Its target date was {date}: catching up keeps you on pace.", ["date": t.date(date)])
        case .target(let date): t("Aim to master it by {date}.", ["date": t.date(date)])
        case .servesGoals(let goals):
            t(
                goals.count == 1 ? "It serves your goal {goals}." : "It serves your goals {goals}.",
                ["goals": list(goals.map { "“\($0)”" })])
        case .assigned(let titles):
            t("Your teacher assigned you {titles}.", ["titles": titles.map { "“\($0)”" }.joined(separator: ", ")])
        case .handedIn(let title): t("Your checkpoint “{title}” is with your teacher.", ["title": title])
        case .started(let title): t("You have started “{title}”.", ["title": title])
        case .progress(let value, let threshold):
            t(
                "You are at {value}; mastery is {threshold}.",
                [
                    "value": NextStepAdvisor.Reason.number(value),
                    "threshold": NextStepAdvisor.Reason.number(threshold),
                ])
        case .noEvidence: t("You have no evidence on it yet.")
        }
    }

    func item(_ reason: NextStepAdvisor.ItemReason) -> String {
        var parts = [reason.isRequired ? t("Must-do") : t("May-do: your choice")]
        if let preferred = reason.preferred {
            parts.append(t("{way} is how you like to learn", ["way": t.data(preferred.label).lowercased()]))
        }
        switch reason.opened {
        case .checkpoint: parts.append(t("opened by your checkpoint result"))
        case .level(let name): parts.append(t("opened by your level on {name}", ["name": name]))
        case nil: break
        }
        return parts.joined(separator: "; ")
    }

    /// Why the student may not work on an activity now.
    func refusal(_ refusal: NextStepAdvisor.Refusal) -> String {
        switch refusal {
        case .notInCourses: t("That activity is not in your courses.")
        case .opensAtLevel(let item, let level, let value, let competency):
            t(
                "“{item}” opens when you reach {level} on {competency}.",
                [
                    "item": item, "competency": competency,
                    "level": NextStepAdvisor.Refusal.level(level.map { t.data($0) }, value),
                ])
        case .opensWithCheckpoint(let item):
            t("“{item}” is not open yet: it opens with a result on its checkpoint.", ["item": item])
        case .notOpenOnPathway(let item): t("“{item}” is not open on your pathway yet.", ["item": item])
        case .lockedUntilMastered(let item, let names):
            t("“{item}” is locked until you master {names}.", ["item": item, "names": list(names)])
        }
    }

    func list(_ names: [String]) -> String { NextStepAdvisor.Reason.list(names, and: t(" and ")) }
}
