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
        Layout.page(
            isOwn ? "My profile" : "Learner profile — \(student.displayName)", page,
            Layout.heading(
                isOwn ? "My learner profile" : "Learner profile of \(student.displayName)",
                eyebrow: isOwn ? "My learning" : "Student",
                lead: "Interests, strengths and how I like to learn: next steps prefer these ways of learning."),
            .unwrap(message) {
                .div(.class("notice notice-ok"), .attribute(named: "role", value: "status"), .text($0))
            },
            StudentNavigation.links(student, current: "profile", page),
            canEdit ? editForm(page) : readOnly(),
            historyList()
        )
    }

    func readOnly() -> Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .dl(
                .forEach(Self.fields) { field in
                    .group(
                        .dt(.text(field.label)),
                        .dd(.text(profile[keyPath: field.path].isEmpty ? "–" : profile[keyPath: field.path])))
                },
                .dt("How I like to learn"),
                .dd(.text(profile.learningPreferences.map(\.label).joined(separator: ", ").nilIfEmpty ?? "–")),
                // Staff with a need who may not edit (an administrator) still read the supports.
                .if(
                    showsSensitive,
                    .group(
                        .dt("Accommodations and supports (staff with a need only)"),
                        .dd(.text(profile.accommodations.isEmpty ? "–" : profile.accommodations))))
            )
        )
    }

    func editForm(_ page: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .form(
                .method(.post), .action("/students/\(student.id.rawValue)/profile"), .id("profile-form"),
                Layout.csrfField(page.csrfToken),
                .forEach(Self.fields) { field in
                    .div(
                        .class("field"),
                        .label(.for("profile-\(field.key)"), .text(field.label)),
                        .textarea(
                            .id("profile-\(field.key)"), .name(field.key), .attribute(named: "rows", value: "2"),
                            .text(profile[keyPath: field.path])))
                },
                .fieldset(
                    .element(named: "legend", text: "How I like to learn"),
                    .div(
                        .class("choice-row"),
                        .forEach(PlaylistItem.Modality.allCases) { modality in
                            .label(
                                .class("choice"),
                                .input(
                                    .type(.checkbox), .name("preference"), .value(modality.rawValue),
                                    .checked(profile.learningPreferences.contains(modality))),
                                .text(" \(modality.label)"))
                        })
                ),
                .if(
                    showsSensitive,
                    .div(
                        .class("field"),
                        .label(.for("profile-accommodations"), "Accommodations and supports (staff with a need only)"),
                        .textarea(
                            .id("profile-accommodations"), .name("accommodations"),
                            .attribute(named: "rows", value: "2"),
                            .text(profile.accommodations)))),
                .button(.type(.submit), .class("button primary"), "Save the profile")
            )
        )
    }

    func historyList() -> Node<HTML.BodyContext> {
        .if(
            history.count > 0,
            .section(
                .class("card"),
                .h2("History"),
                .ul(
                    .class("plain-list"),
                    .forEach(Array(history.enumerated())) { index, version in
                        let changed = version.changedFields(from: history.dropFirst(index + 1).first)
                        return .li(
                            .text(
                                "\(version.updatedAt.map(Components.date) ?? "–") by "
                                    + "\(version.updatedBy.flatMap { names[$0] } ?? "someone"): "
                                    + (changed.isEmpty ? "no change" : changed.joined(separator: ", "))))
                    })
            )
        )
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
