import Foundation
import MasteryCore
import MasteryStore

/// The demo school: one district, two middle schools, eight teachers, twelve sections of about 25 students
/// (each with a guardian), a coach and an administrator, three frameworks with "I can" statements, tasks with
/// rubrics and eight weeks of plausible evidence — some students ahead, some behind. Deterministic: the same
/// seed and end date always give the same school.
public enum DemoSchool {
    public static let password = "masterly-demo"
    public static let accounts = ["admin", "coach", "teacher", "student", "guardian"]

    public static let scale: ProficiencyScale = try! ProficiencyScale(
        id: "scale-4", name: "Four-level proficiency",
        levels: [
            ProficiencyLevel(value: 1, label: "Beginning", colour: "#fde2e1"),
            ProficiencyLevel(value: 2, label: "Developing", colour: "#fff1c2"),
            ProficiencyLevel(value: 3, label: "Proficient", colour: "#d7f0dc"),
            ProficiencyLevel(value: 4, label: "Advanced", colour: "#d6e6ff"),
        ], masteryThreshold: 3)

    /// Builds the school. `passwordHash` is the bcrypt hash of `password`, shared by every demo account;
    /// evidence spans the eight weeks before `end`.
    public static func build(passwordHash: String, end: Date, seed: UInt64 = 2026) -> SchoolData {
        var builder = DemoSchoolBuilder(passwordHash: passwordHash, end: end, seed: seed)
        builder.build()
        return builder.data
    }

    /// Creates the demo school in `store` unless it is already there; returns whether it was created.
    public static func ensure(in store: Store, now: Date) async throws -> Bool {
        if try await store.credentials(username: "admin") != nil { return false }
        let hash = try await Passwords.hash(password, cost: 10)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let end = calendar.startOfDay(for: now)
        try await store.insert(build(passwordHash: hash, end: end))
        return true
    }
}
