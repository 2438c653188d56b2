import Foundation
import MasteryCore
import Plot

/// Who the student is as a learner, and the history of the profile.
struct ProfilePage {
    var student: Person
    var isOwn: Bool
    var canEdit: Bool
    var showsSensitive: Bool
    var profile: LearnerProfile
    var history: [LearnerProfile]
    var names: [Person.ID: String]
    var message: String?

    nonisolated(unsafe) static let fields: [(key: String, label: String, path: KeyPath<LearnerProfile, String>)] = [
        ("interests", "Interests", \.interests), ("strengths", "Strengths", \.strengths),
        ("environment", "Where I work best", \.preferredEnvironment),
        ("aspirations", "Aspirations (college and career)", \.aspirations), ("languages", "Languages", \.languages),
        ("interpersonal", "Working with others", \.interpersonalSkills),
        ("intrapersonal", "Knowing and managing myself", \.intrapersonalSkills),
    ]

    func render(_ page: PageContext) -> HTML {
        let t = page.t
        return Layout.page(
            isOwn ? t("My profile") : t("Learner profile — {name}", ["name": student.displayName]), page,
            Layout.heading(
                isOwn ? t("My learner profile") : t("Learner profile of {name}", ["name": student.displayName]),
                eyebrow: isOwn ? t("My learning") : t("Student"),
                lead: t("Interests, strengths and how I like to learn: next steps prefer these ways of learning.")),
            .unwrap(message) {
                .div(.class("notice notice-ok"), .attribute(named: "role", value: "status"), .text(t.data($0)))
            },
            StudentNavigation.links(student, current: "profile", page),
            canEdit ? editForm(page) : readOnly(t),
            historyList(t)
        )
    }

    func readOnly(_ t: Translator) -> Node<HTML.BodyContext> {
        let preferences = profile.learningPreferences.map { t.data($0.label) }.joined(separator: ", ")
        return .section(
            .class("card"),
            .dl(
                .forEach(Self.fields) { field in
                    .group(
                        .dt(.text(t(field.label))),
                        .dd(.text(profile[keyPath: field.path].isEmpty ? "–" : profile[keyPath: field.path])))
                },
                .dt(.text(t("How I like to learn"))),
                .dd(.text(preferences.nilIfEmpty ?? "–")),
                // Staff with a need who may not edit (an administrator) still read the supports.
                .if(
                    showsSensitive,
                    .group(
                        .dt(.text(t("Accommodations and supports (staff with a need only)"))),
                        .dd(.text(profile.accommodations.isEmpty ? "–" : profile.accommodations))))
            )
        )
    }

    func editForm(_ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .section(
            .class("card"),
            .form(
                .method(.post), .action("/students/\(student.id.rawValue)/profile"), .id("profile-form"),
                Layout.csrfField(page.csrfToken),
                .forEach(Self.fields) { field in
                    .div(
                        .class("field"),
                        .label(.for("profile-\(field.key)"), .text(t(field.label))),
                        .textarea(
                            .id("profile-\(field.key)"), .name(field.key), .attribute(named: "rows", value: "2"),
                            .text(profile[keyPath: field.path])))
                },
                .fieldset(
                    .element(named: "legend", text: t("How I like to learn")),
                    .div(
                        .class("choice-row"),
                        .forEach(PlaylistItem.Modality.allCases) { modality in
                            .label(
                                .class("choice"),
                                .input(
                                    .type(.checkbox), .name("preference"), .value(modality.rawValue),
                                    .checked(profile.learningPreferences.contains(modality))),
                                .text(" " + t.data(modality.label)))
                        })
                ),
                .if(
                    showsSensitive,
                    .div(
                        .class("field"),
                        .label(
                            .for("profile-accommodations"),
                            .text(t("Accommodations and supports (staff with a need only)"))),
                        .textarea(
                            .id("profile-accommodations"), .name("accommodations"),
                            .attribute(named: "rows", value: "2"),
                            .text(profile.accommodations)))),
                .button(.type(.submit), .class("button primary"), .text(t("Save the profile")))
            )
        )
    }

    func historyList(_ t: Translator) -> Node<HTML.BodyContext> {
        .if(
            history.count > 0,
            .section(
                .class("card"),
                .h2(.text(t("History"))),
                .ul(
                    .class("plain-list"),
                    .forEach(Array(history.enumerated())) { index, version in
                        let changed = version.changedFields(from: history.dropFirst(index + 1).first)
                        let values: [String: String] = [
                            "date": version.updatedAt.map { t.date($0) } ?? "–",
                            "name": version.updatedBy.flatMap { names[$0] } ?? t("someone"),
                            "changes": changed.isEmpty
                                ? t("no change") : changed.map { t.data($0) }.joined(separator: ", "),
                        ]
                        return .li(.text(t("{date} by {name}: {changes}", values)))
                    })
            )
        )
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
