import Foundation
import MasteryCore
import Plot

/// "What to do next": the student's place on each pathway, the recommended next steps with why, the
/// playlist items that fit (start, finish, hand in a checkpoint), and what is not unlocked yet.
struct NextStepsPage {
    var student: Person
    var isOwn: Bool
    var canWork: Bool
    var steps: [NextStepAdvisor.Step]
    var blocked: [NextStepAdvisor.Blocked]
    var pathways: [(pathway: Pathway, position: Int, completed: Int, pace: Pace)]
    var names: [Competency.ID: Competency]
    var message: String?
    /// The student's newest work on each item they handed in, with the teacher's review.
    var work: [PlaylistItem.ID: Submission] = [:]
    var scales: [Competency.ID: ProficiencyScale] = [:]
    /// Items finished, newest first: they leave the playlists above and are listed with their dates.
    var finished: [(item: PlaylistItem, at: Date?)] = []

    /// The step each activity is shown under: the first that lists it (an activity covering several recommended
    /// competencies is shown once; later steps point back to it).
    var shownAt: [PlaylistItem.ID: Int] {
        var result: [PlaylistItem.ID: Int] = [:]
        for (index, step) in steps.enumerated() {
            for suggestion in step.items where result[suggestion.item.id] == nil { result[suggestion.item.id] = index }
        }
        return result
    }

    func render(_ page: PageContext) -> HTML {
        let t = page.t
        let shownAt = shownAt
        return Layout.page(
            isOwn ? t("My next steps") : t("Next steps — {name}", ["name": student.displayName]), page,
            Layout.heading(
                isOwn ? t("What to do next") : t("Next steps for {name}", ["name": student.displayName]),
                eyebrow: isOwn ? t("My pathway") : t("Student"),
                lead: t("Only competencies whose prerequisites are mastered are suggested, best first, with why.")),
            .unwrap(message) {
                .div(.class("notice notice-ok"), .attribute(named: "role", value: "status"), .text(t.data($0)))
            },
            StudentNavigation.links(student, current: "next", page),
            pathwayList(t),
            .section(
                .class("next-steps"), .attribute(named: "aria-labelledby", value: "steps-title"),
                .h2(.id("steps-title"), .text(t("Recommended next steps"))),
                .if(
                    steps.isEmpty,
                    .p(.class("muted"), .text(t("Nothing is unlocked right now: every open competency is mastered."))),
                    else: .ol(
                        .class("step-list"),
                        .forEach(steps.enumerated()) { index, step in
                            stepCard(index, step, shownAt: shownAt, page)
                        }
                    )
                )
            ),
            finishedList(t),
            blockedList(t)
        )
    }

    /// Ahead of, on or behind the pathway's pace, in the page's language.
    func paceLabel(_ pace: Pace, _ t: Translator) -> String {
        switch pace {
        case .ahead(let count): t.plural(count, "Ahead by {count} step", "Ahead by {count} steps")
        case .onPace: t("On pace")
        case .behind(let count): t.plural(count, "Behind by {count} step", "Behind by {count} steps")
        }
    }

    func pathwayList(_ t: Translator) -> Node<HTML.BodyContext> {
        .if(
            !pathways.isEmpty,
            .section(
                .class("card"), .attribute(named: "aria-labelledby", value: "pathways-title"),
                .h2(.id("pathways-title"), .text(isOwn ? t("My pathways") : t("Pathways"))),
                .ul(
                    .class("plain-list"),
                    .forEach(pathways) { entry in
                        let total = entry.pathway.steps.count
                        let counts: [String: String] = [
                            "completed": t.number(entry.completed), "total": t.number(total),
                        ]
                        let progress: String
                        if entry.position < total {
                            let next = entry.pathway.steps[entry.position].competencyIDs
                                .compactMap { names[$0]?.code }.joined(separator: t(" or "))
                            progress = t(
                                "{completed} of {total} steps done; next: {next}",
                                ["completed": t.number(entry.completed), "total": t.number(total), "next": next])
                        } else {
                            progress = t("{completed} of {total} steps done; next: done", counts)
                        }
                        let pacing = entry.pathway.pacing == .teacherPaced ? t("teacher-paced") : t("self-paced")
                        return .li(
                            .strong(.text(entry.pathway.title)),
                            .text(" — " + progress + " · "),
                            .span(.class("tag"), .text(paceLabel(entry.pace, t))),
                            .text(" · " + pacing),
                            .element(
                                named: "progress",
                                nodes: [
                                    .attribute(named: "max", value: "\(max(total, 1))"),
                                    .attribute(named: "value", value: "\(entry.completed)"),
                                    .attribute(
                                        named: "aria-label",
                                        value: "\(entry.pathway.title): "
                                            + t("{completed} of {total} steps done", counts)),
                                    .class("pathway-progress"),
                                ])
                        )
                    })
            )
        )
    }

    func stepCard(
        _ index: Int, _ step: NextStepAdvisor.Step, shownAt: [PlaylistItem.ID: Int], _ page: PageContext
    ) -> Node<HTML.ListContext> {
        let t = page.t
        let items = step.items.filter { shownAt[$0.item.id] == index }
        let earlier = Set(step.items.compactMap { shownAt[$0.item.id] }.filter { $0 < index }).sorted()
        // The first step's playlist is open, and any with work under way; the rest fold to one line each.
        let open = index == 0 || items.contains { $0.status != nil && $0.status != .done }
        let minutes = items.reduce(0) { $0 + $1.item.minutes }
        let caption = t("Playlist for {code}", ["code": step.competency.code])
        return .li(
            .class("card step"), .id("step-\(step.competency.id.rawValue)"),
            .h3(
                .span(.class("step-number"), .text("\(index + 1).")), .text(" "),
                .a(
                    .href("/students/\(student.id.rawValue)/competencies/\(step.competency.id.rawValue)"),
                    .text("\(step.competency.code) — \(step.competency.title)")),
                .if(step.isOverdue, .span(.class("tag tag-overdue"), .text(t("Overdue")))),
                .if(step.servesGoal, .span(.class("tag tag-mastered"), .text(t("My goal"))))
            ),
            .ul(.class("reasons"), .forEach(step.why) { .li(.text(NextStepWords(t: t).reason($0))) }),
            .forEach(earlier) { shown in
                .p(
                    .class("small"),
                    .a(
                        .href("#step-\(steps[shown].competency.id.rawValue)"),
                        .text(t("More activities for this: see step {step}.", ["step": t.number(shown + 1)]))))
            },
            .if(
                !items.isEmpty,
                .details(
                    .class("step-playlist"), .if(open, .attribute(named: "open", value: "open")),
                    .summary(
                        .text(
                            caption + " — " + t.plural(items.count, "{count} activity", "{count} activities") + " · "
                                + t("{minutes} min", ["minutes": t.number(minutes)]))),
                    .div(
                        Components.scrollRegion(caption),
                        .table(
                            .class("playlist stack-on-phone"),
                            .caption(.text(caption)),
                            .thead(
                                .tr(
                                    .th(.attribute(named: "scope", value: "col"), .text(t("Activity"))),
                                    .th(.attribute(named: "scope", value: "col"), .text(t("Kind"))),
                                    .th(.attribute(named: "scope", value: "col"), .text(t("Time"))),
                                    .th(.attribute(named: "scope", value: "col"), .text(t("Why"))),
                                    .th(.attribute(named: "scope", value: "col"), .text(t("Status")))
                                )),
                            .tbody(.forEach(items) { itemRow($0, page) })
                        ))
                )
            )
        )
    }

    func itemRow(_ suggestion: NextStepAdvisor.Suggestion, _ page: PageContext) -> Node<HTML.TableContext> {
        let t = page.t
        let item = suggestion.item
        let base = "/students/\(student.id.rawValue)/items/\(item.id.rawValue)"
        return .tr(
            .id("item-\(item.id.rawValue)"),
            .th(
                .attribute(named: "scope", value: "row"),
                .if(
                    item.url != nil,
                    .a(.href(item.url ?? "#"), .attribute(named: "rel", value: "noopener"), .text(item.title)),
                    else: .text(item.title)),
                .unwrap(item.details.isEmpty ? nil : item.details) { .p(.class("small muted"), .text($0)) }
            ),
            .td(
                .data(named: "label", value: t("Kind")),
                .text(t.data(item.kind.label) + " · " + t.data(item.modality.label))),
            .td(
                .data(named: "label", value: t("Time")), .text(t("{minutes} min", ["minutes": t.number(item.minutes)]))),
            .td(.data(named: "label", value: t("Why")), .text(NextStepWords(t: t).item(suggestion.why))),
            .td(.data(named: "label", value: t("Status")), status(suggestion, base: base, page))
        )
    }

    func status(_ suggestion: NextStepAdvisor.Suggestion, base: String, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let item = suggestion.item
        let label = "\(item.title)"
        func button(_ action: String, _ text: String, primary: Bool = false) -> Node<HTML.BodyContext> {
            .form(
                .method(.post), .action("\(base)/\(action)"), .class("inline-form"),
                Layout.csrfField(page.csrfToken),
                .button(
                    .type(.submit), .class(primary ? "button primary small" : "button small"),
                    .attribute(named: "aria-label", value: "\(text): \(label)"), .text(text))
            )
        }
        let handsIn = item.kind == .checkpoint || item.kind == .project
        switch suggestion.status {
        case .submitted:
            return .group(
                .span(.class("tag"), .text(t("Handed in: with your teacher"))),
                .unwrap(work[item.id]) { WorkSummary(submission: $0, names: names, scales: scales).render(page) })
        case .started:
            return .group(
                .span(.class("tag"), .text(t("Started"))),
                .if(
                    canWork,
                    handsIn ? handIn(suggestion, base: base, page) : button("done", t("Mark done"), primary: true))
            )
        case .done:
            let score = suggestion.score.map { t("Scored {score}", ["score": DisplayRounding.text($0)]) } ?? t("Done")
            return .group(
                .span(.class("tag"), .text(score)),
                .unwrap(work[item.id]) { WorkSummary(submission: $0, names: names, scales: scales).render(page) },
                .if(canWork, button("start", handsIn && work[item.id] != nil ? t("Add to my work") : t("Try again"))))
        case nil:
            return .if(canWork, button("start", t("Start")), else: .span(.class("muted"), .text(t("Not started"))))
        }
    }

    func finishedList(_ t: Translator) -> Node<HTML.BodyContext> {
        .if(
            !finished.isEmpty,
            .details(
                .class("card"), .id("finished"),
                .summary(.text("\(t("Finished activities")) (\(t.number(finished.count)))")),
                .ul(
                    .class("plain-list"),
                    .forEach(finished) { entry in
                        .li(
                            .text(
                                entry.at.map {
                                    t("{title} — finished {date}", ["title": entry.item.title, "date": t.date($0)])
                                }
                                    ?? entry.item.title))
                    })
            )
        )
    }

    func blockedList(_ t: Translator) -> Node<HTML.BodyContext> {
        .if(
            !blocked.isEmpty,
            .section(
                .class("card"), .attribute(named: "aria-labelledby", value: "blocked-title"),
                .h2(.id("blocked-title"), .text(t("Not unlocked yet"))),
                .ul(
                    .class("plain-list"),
                    .forEach(blocked) { entry in
                        .li(
                            .text("\(entry.competency.code) — \(entry.competency.title): "),
                            .if(
                                entry.notYetOpen, .text(t("your teacher opens it when the class gets there.")),
                                else: .text(t("needs {competencies} first.", ["competencies": blockers(entry, t)])))
                        )
                    })
            )
        )
    }

    /// The competencies that must be mastered first, by code: "A and B".
    func blockers(_ entry: NextStepAdvisor.Blocked, _ t: Translator) -> String {
        entry.blockers.map { names[$0].map { "\($0.code)" } ?? $0.rawValue }.joined(separator: t(" and "))
    }
}
