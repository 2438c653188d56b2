import Foundation

extension NextStepAdvisor {
    /// Why a step is recommended, as data: a page words it in the reader's language (dates and numbers as the
    /// language writes them); `english` is the API's text.
    public enum Reason: Hashable, Sendable {
        /// The prerequisites mastered (codes, or titles in quotes).
        case unlocked(by: [String])
        /// Its place on a pathway (`step` counted from 1).
        case onPathway(title: String, step: Int, of: Int, isNext: Bool)
        case pastTarget(Date)
        case target(Date)
        case servesGoals([String])
        case assigned([String])
        case handedIn(String)
        case started(String)
        case progress(value: Double, threshold: Double)
        case noEvidence

        public var english: String {
            switch self {
            case .unlocked(let names): "You mastered \(Reason.list(names)), so this is unlocked."
            case .onPathway(let title, let step, let total, let isNext):
                "\(isNext ? "It is next on your pathway" : "It is on your pathway") “\(title)” (step \(step) of \(total))."
            case .pastTarget(let date): "Its target date was \(Reason.day(date)): catching up keeps you on pace."
            case .target(let date): "Aim to master it by \(Reason.day(date))."
            case .servesGoals(let goals):
                "It serves your goal\(goals.count == 1 ? "" : "s") \(Reason.list(goals.map { "“\($0)”" }))."
            case .assigned(let titles): "Your teacher assigned you “\(titles.joined(separator: "”, “"))”."
            case .handedIn(let title): "Your checkpoint “\(title)” is with your teacher."
            case .started(let title): "You have started “\(title)”."
            case .progress(let value, let threshold):
                "You are at \(Reason.number(value)); mastery is \(Reason.number(threshold))."
            case .noEvidence: "You have no evidence on it yet."
            }
        }

        /// "A", "A and B", "A, B and C" (pages join in their own language).
        public static func list(_ names: [String], and: String = " and ") -> String {
            switch names.count {
            case 0: ""
            case 1: names[0]
            default: names.dropLast().joined(separator: ", ") + and + names.last!
            }
        }

        /// A number as people write it: `3`, `2.5`, `2.67`.
        public static func number(_ value: Double) -> String {
            var text = DisplayRounding.text(value)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return text
        }

        static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

        /// "Nov 5, 2026" (UTC), as English pages write a day.
        static func day(_ date: Date) -> String {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            return "\(months[(parts.month ?? 1) - 1]) \(parts.day ?? 1), \(parts.year ?? 1970)"
        }
    }

    /// Why a playlist item is offered: must-do or may-do, the student's preferred way of learning, and what
    /// opened it. `english` is the API's text.
    public struct ItemReason: Hashable, Sendable {
        public enum Opened: Hashable, Sendable {
            case checkpoint
            /// By the student's level on a competency (its code, or title in quotes).
            case level(String)
        }

        public var isRequired: Bool
        /// The item's modality, when it is one the student prefers.
        public var preferred: PlaylistItem.Modality?
        public var opened: Opened?

        public var english: String {
            var text = isRequired ? "Must-do" : "May-do: your choice"
            if let preferred { text += "; \(preferred.label.lowercased()) is how you like to learn" }
            switch opened {
            case .checkpoint: text += "; opened by your checkpoint result"
            case .level(let name): text += "; opened by your level on \(name)"
            case nil: break
            }
            return text
        }
    }
}
