import Foundation
import MasteryCore
import MasteryStore

/// The weekly email to families and students, in each reader's language: for a guardian, what changed for each
/// child in the last week and what needs them; for a student, the same about themselves. Only what that person
/// may see (their own children's records, through `NeedsYouService` and the policy), and only to those with an
/// email on record who have not turned it off.
struct WeeklyDigest {
    let services: AppServices
    var store: Store { services.store }
    /// Where links point (the server's public address); relative paths when unknown.
    var publicURL: String?

    struct Letter: Sendable {
        var person: Person
        var message: SMTPClient.Message
    }

    /// One letter per recipient; a recipient with nothing new and nothing waiting gets none.
    func letters() async throws -> [Letter] {
        var letters: [Letter] = []
        for (person, email) in try await store.digestRecipients() {
            if let letter = try await letter(for: person, email: email) { letters.append(letter) }
        }
        return letters
    }

    func letter(for person: Person, email: String) async throws -> Letter? {
        let t = services.languages.translator(person.language ?? "en")
        let now = services.clock()
        let since = now.addingTimeInterval(-7 * 86_400)
        let students = person.role == .guardian ? try await store.children(ofGuardian: person.id) : [person]
        var lines = [t("Hello {name},", ["name": person.givenName]), ""]
        var anything = false
        for student in students {
            let changes = try await changes(of: student, since: since, t)
            let whose = person.role == .guardian ? student.givenName : t("you")
            if changes.isEmpty {
                lines.append(t("Nothing new for {name} this week.", ["name": whose]))
            } else {
                anything = true
                lines.append(t("What changed for {name} this week:", ["name": whose]))
                lines += changes.map { "  - " + $0 }
            }
            lines.append("")
        }
        let waiting = try await NeedsYouService(services: services).entries(for: person, t).filter { !$0.read }
        if !waiting.isEmpty {
            anything = true
            lines.append(t("Needs you:"))
            lines += waiting.map { "  - \($0.text) \(link($0.url))" }
            lines.append("")
        }
        guard anything else { return nil }
        lines += [
            t("See everything: {link}", ["link": link("/")]),
            "",
            t("Masterly sends this once a week. To stop it: {link}", ["link": link("/me/digest")]),
        ]
        return Letter(
            person: person,
            message: .init(
                to: email, subject: t("This week in Masterly"), body: lines.joined(separator: "\n"), language: t.code))
    }

    /// The competencies with new evidence for `student` since `since`, each as a line in the reader's language.
    func changes(of student: Person, since: Date, _ t: Translator) async throws -> [String] {
        var competencies: [Competency] = []
        var scales: [Competency.ID: ProficiencyScale] = [:]
        for section in try await store.sections(of: student.id, as: .student) {
            let curriculum = try await store.curriculum(course: section.courseID)
            for competency in curriculum.leafCompetencies where scales[competency.id] == nil {
                scales[competency.id] = curriculum.scale(for: competency)
                competencies.append(competency)
            }
        }
        let records = try await store.records(student: student.id)
        let items = RecentChanges.items(
            events: try await store.events(student: student.id, recordedSince: since), competencies: competencies,
            records: records)
        return items.map { item in
            let level = item.record?.levelValue.flatMap { value in scales[item.competency.id]?.level(for: value).label }
            var line =
                "\(t.data(item.competency.title)): "
                + t.plural(item.count, "1 new piece of evidence", "{count} new pieces of evidence")
            if let level { line += ", " + t("now {level}", ["level": t.data(level)]) }
            return line
        }
    }

    func link(_ path: String) -> String {
        guard let publicURL else { return path }
        return publicURL.hasSuffix("/") ? String(publicURL.dropLast()) + path : publicURL + path
    }
}
