import Foundation
import Hummingbird
import MasteryCore
import MasteryStore
import Plot

/// A section's calculation policy: the framework's, or this section's own choice (its records are recomputed).
struct SectionSettingsRoutes {
    let services: AppServices
    var store: Store { services.store }

    func register(on router: Router<AppRequestContext>) {
        router.get("/sections/{id}/settings") { request, context in
            let (user, data) = try await load(context)
            var page = SectionSettingsPage(
                data: data, problem: nil, saved: request.uri.queryParameters["saved"] != nil)
            if try await Authorizer(store: store, today: services.clock).allows(
                user, .chooseCourseFrameworks, section: data.section.id)
            {
                page.choice = CourseChoiceForm(
                    course: data.course, frameworks: try await store.frameworks(),
                    strands: try await ClassRoutes.strandsByFramework(store),
                    action: "/sections/\(data.section.id.rawValue)/frameworks")
            }
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/sections/{id}/settings") { request, context in
            let (user, data) = try await load(context)
            let form = context.form
            if form.text("method") == "framework" {
                try await store.setPolicyOverride(nil, for: data.section.id, by: user.id, at: services.clock())
            } else {
                do {
                    let method = try CalculationMethod(
                        name: form.text("method") ?? "", parameterText: form.text("parameter"))
                    let policy = try MasteryPolicy(
                        method: method, minimumEvidence: try form.int("minimum", in: 1...1_000) ?? 1)
                    // First what it would change, then (confirmed) the change.
                    if form["preview"] != nil {
                        var page = SectionSettingsPage(data: data, problem: nil, saved: false)
                        page.proposal = (policy, try await preview(policy, data))
                        return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
                    }
                    try await store.setPolicyOverride(policy, for: data.section.id, by: user.id, at: services.clock())
                } catch let error as MasteryCoreError {
                    return HTMLResponse.render(
                        SectionSettingsPage(data: data, problem: error.description, saved: false)
                            .render(PageContext(context, path: request.uri.path)), status: .unprocessableContent)
                }
            }
            return HTMLResponse.redirect("/sections/\(data.section.id.rawValue)/settings?saved=1")
        }
    }

    /// What `policy` would do to the section's records.
    func preview(_ policy: MasteryPolicy, _ data: SectionData) async throws -> PolicyChangePreview {
        let competencies = data.gradebook.competencies
        var scales: [Competency.ID: ProficiencyScale] = [:]
        for competency in competencies { scales[competency.id] = data.curriculum.scale(for: competency) }
        var evidence: [Person.ID: [Competency.ID: [Evidence]]] = [:]
        for student in data.students {
            evidence[student.id] = try await store.evidence(student: student.id).filter { scales[$0.key] != nil }
        }
        let current = try await store.records(students: data.students.map(\.id), competencies: competencies.map(\.id))
        return PolicyChangePreview(current: current, evidence: evidence, policy: policy, scales: scales)
    }

    func load(_ context: AppRequestContext) async throws -> (Person, SectionData) {
        let user = try context.requireUser()
        let id = Section.ID(try context.parameters.require("id"))
        try await Authorizer(store: store).require(user, .manageSection, section: id)
        return (user, try await SectionData.load(id, store: store))
    }
}

struct SectionSettingsPage {
    var data: SectionData
    var problem: String?
    var saved: Bool
    /// What the course assesses, when this user may choose it.
    var choice: CourseChoiceForm?
    /// A change being previewed: the policy and what it would do.
    var proposal: (MasteryPolicy, PolicyChangePreview)?

    func render(_ page: PageContext) -> HTML {
        let shown = proposal?.0 ?? data.section.policyOverride
        return Layout.page(
            "Settings — \(data.section.name)", page,
            Layout.heading(
                "Calculation for this section", eyebrow: data.section.name, lead: "Now: \(data.policySummary)."),
            .if(
                saved,
                .div(
                    .class("notice notice-ok"), .attribute(named: "role", value: "status"), "Saved; records recomputed."
                )),
            .unwrap(problem) {
                .div(.class("notice notice-error"), .attribute(named: "role", value: "alert"), .text($0))
            },
            .p(.a(.href("/sections/\(data.section.id.rawValue)"), "Back to the gradebook")),
            .form(
                .method(.post), .action("/sections/\(data.section.id.rawValue)/settings"), .id("settings-form"),
                Layout.csrfField(page.csrfToken),
                .div(
                    .class("field"), .label(.for("section-method"), "Method"),
                    .select(
                        .id("section-method"), .attribute(named: "name", value: "method"),
                        Components.option("framework", "The framework's own", selected: shown == nil),
                        .forEach(CalculationMethod.Kind.allCases) { kind in
                            Components.option(kind.rawValue, kind.displayName, selected: shown?.method.kind == kind)
                        })),
                .div(
                    .class("field"),
                    .label(.for("section-parameter"), "Setting (for the methods that have one)"),
                    .input(
                        .type(.number), .id("section-parameter"), .name("parameter"),
                        .attribute(named: "aria-describedby", value: "parameter-help"),
                        .value(shown?.method.parameter.map(String.init) ?? "")),
                    .p(
                        .id("parameter-help"), .class("small muted"),
                        .text(
                            "Weighted and decaying average: the weight of the most recent score, 1–99 % (decaying: 50–99, 65 if left empty). "
                                + "n times at mastery: how many times, 1–10 (5 if left empty). Other methods: leave empty."
                        ))),
                .div(
                    .class("field"), .label(.for("section-minimum"), "Evidence needed before a level shows"),
                    .input(
                        .type(.number), .id("section-minimum"), .name("minimum"),
                        .attribute(named: "min", value: "1"), .value("\(shown?.minimumEvidence ?? 1)"))),
                .button(.type(.submit), .name("preview"), .value("1"), .class("button primary"), "Preview the change")
            ),
            .unwrap(proposal) { confirmation($0.0, $0.1, page) },
            methodGuide,
            .unwrap(choice) { choice in
                .section(
                    .class("card"), .id("course-choice"),
                    .h2(.text("What \(data.course.code) assesses")),
                    .p(
                        .class("muted"),
                        "Your school lets the teachers of a course choose its frameworks and strands. Every section of the course follows."
                    ),
                    choice.render(csrf: page.csrfToken))
            }
        )
    }
}
