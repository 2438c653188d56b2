import Foundation
import MasteryCore
import MasteryStore
import Plot

/// Suggested flexible groups for chosen competencies, with each student's reason and a choice to move them.
struct GroupsPage {
    var data: SectionData
    var chosen: [Competency]
    var size: Int
    var placements: [FlexibleGroups.Placement]
    var saved: [Grouping]

    func render(_ page: PageContext) -> HTML {
        let names = Dictionary(data.students.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let groups = placements.map(\.group).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return Layout.page(
            "Flexible groups — \(data.section.name)", page, wide: true,
            Layout.heading(
                "Flexible groups", eyebrow: data.section.name,
                lead:
                    "Reteach, practice or extend, from current levels and prerequisite readiness; move anyone, then save for a day."
            ),
            .p(.a(.href("/sections/\(data.section.id.rawValue)"), "Back to the gradebook")),
            .form(
                .method(.get), .action("/sections/\(data.section.id.rawValue)/groups"), .id("groups-chooser"),
                .fieldset(
                    .element(named: "legend", text: "Competencies"),
                    .div(
                        .class("choice-row"),
                        .forEach(data.curriculum.leafCompetencies) { competency in
                            .label(
                                .class("choice"),
                                .input(
                                    .type(.checkbox), .name("competency"), .value(competency.id.rawValue),
                                    .checked(chosen.contains(competency))),
                                .text(" \(competency.code)"))
                        })),
                .div(
                    .class("field"), .label(.for("group-size"), "Largest group"),
                    .input(
                        .type(.number), .id("group-size"), .name("size"), .value("\(size)"),
                        .attribute(named: "min", value: "2"), .attribute(named: "max", value: "30"))),
                .button(.type(.submit), .class("button secondary"), "Suggest groups")
            ),
            .if(
                !placements.isEmpty,
                .form(
                    .method(.post), .action("/sections/\(data.section.id.rawValue)/groups"), .id("groups-form"),
                    Layout.csrfField(page.csrfToken),
                    .forEach(chosen) { .input(.type(.hidden), .name("competency"), .value($0.id.rawValue)) },
                    .input(.type(.hidden), .name("size"), .value("\(size)")),
                    .div(
                        Components.scrollRegion("Suggested groups for \(chosen.map(\.code).joined(separator: ", "))"),
                        .table(
                            .caption(.text("Suggested groups for \(chosen.map(\.code).joined(separator: ", "))")),
                            .thead(
                                .tr(
                                    .th(.attribute(named: "scope", value: "col"), "Student"),
                                    .th(.attribute(named: "scope", value: "col"), "Suggested"),
                                    .th(.attribute(named: "scope", value: "col"), "Why"),
                                    .th(.attribute(named: "scope", value: "col"), "Group"))),
                            .tbody(
                                .forEach(placements) { placement in
                                    let name = names[placement.studentID]?.displayName ?? placement.studentID.rawValue
                                    return .tr(
                                        .th(.attribute(named: "scope", value: "row"), .text(name)),
                                        .td(.text(placement.group)),
                                        .td(.text(placement.reason)),
                                        .td(
                                            .label(
                                                .for("group-\(placement.studentID.rawValue)"), .class("sr-only"),
                                                .text("Group for \(name)")),
                                            .select(
                                                .id("group-\(placement.studentID.rawValue)"),
                                                .attribute(
                                                    named: "name", value: "group-\(placement.studentID.rawValue)"),
                                                .forEach(groups) { group in
                                                    .element(
                                                        named: "option",
                                                        nodes: [
                                                            .attribute(named: "value", value: group),
                                                            .if(
                                                                group == placement.group,
                                                                .attribute(named: "selected", value: "selected")),
                                                            .text(group),
                                                        ])
                                                }))
                                    )
                                }))),
                    .div(
                        .class("inline-form"),
                        .label(.for("group-day"), "For the day"),
                        .input(.type(.date), .id("group-day"), .name("day"), .value(Components.isoDate(Date())))),
                    .button(.type(.submit), .class("button primary"), "Save the groups")
                )),
            .if(
                !saved.isEmpty,
                .section(
                    .class("card"), .h2("Saved groupings"),
                    .ul(
                        .class("plain-list"),
                        .forEach(saved) { grouping in
                            .li(
                                .a(
                                    .href("/sections/\(data.section.id.rawValue)/groups/\(grouping.id)"),
                                    .text(
                                        "\(Components.day(grouping.day)): \(Set(grouping.placements.map(\.group)).count) groups"
                                    )))
                        })))
        )
    }
}

/// A saved grouping: the groups, who would move now (after new evidence) and why, and a printable station
/// rotation.
struct GroupingPage {
    var data: SectionData
    var grouping: Grouping
    var competencies: [Competency]
    var moves: [(before: FlexibleGroups.Placement, now: FlexibleGroups.Placement)]
    /// The school's next flex day still being planned: each group can be requested for one of its sessions.
    var flexDay: FlexDay?

    static let stations = ["Teacher-led", "Collaborative", "Independent", "Online"]

    func render(_ page: PageContext) -> HTML {
        let names = Dictionary(data.students.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        // Reteach groups first, so they start at the teacher's station.
        let groups = FlexibleGroups.Kind.allCases.flatMap { kind in
            grouping.placements.filter { $0.kind == kind }.map(\.group)
                .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        }
        let rotation = FlexibleGroups.rotation(groups: groups.count, stations: Self.stations.count)
        return Layout.page(
            "Groups for \(Components.day(grouping.day)) — \(data.section.name)", page, wide: true,
            Layout.heading(
                "Groups for \(Components.day(grouping.day))", eyebrow: data.section.name,
                lead:
                    "On \(competencies.map(\.code).joined(separator: ", ")). Print this page for the station rotation."),
            .p(.a(.href("/sections/\(data.section.id.rawValue)/groups"), "All groupings")),
            .ul(
                .class("card-grid"),
                .forEach(groups) { group in
                    .li(
                        .class("card"),
                        .h2(.text(group)),
                        .ul(
                            .forEach(grouping.placements.filter { $0.group == group }) { placement in
                                .li(
                                    .text(
                                        "\(names[placement.studentID] ?? placement.studentID.rawValue) — \(placement.reason)"
                                    ))
                            }),
                        .unwrap(flexDay) { day in
                            let students = grouping.placements.filter { $0.group == group }.map(\.studentID.rawValue)
                            return .a(
                                .class("button secondary small"),
                                .href(
                                    "/flex/\(day.id.rawValue)?students=\(students.joined(separator: ","))#request-form"),
                                .text("Ask for \(group) on the flex day \(FlexDayWords.date(day, .english))"))
                        })
                }),
            .section(
                .class("card"), .id("moves"),
                .h2("Since then"),
                .if(
                    moves.isEmpty,
                    .p(.class("muted"), "With the evidence recorded since, everyone would stay in their group."),
                    else: .ul(
                        .forEach(moves) { move in
                            .li(
                                .text(
                                    "\(names[move.now.studentID] ?? "") would move from \(move.before.kind.label.lowercased()) to "
                                        + "\(move.now.kind.label.lowercased()): \(move.now.reason)"))
                        }))),
            .div(
                Components.scrollRegion("Station rotation"),
                .table(
                    .id("rotation"),
                    .caption(.text("Station rotation")),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), "Block"),
                            .forEach(groups) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                    .tbody(
                        .forEach(rotation.enumerated()) { block, stations in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .text("Block \(block + 1)")),
                                .forEach(stations) { .td(.text(Self.stations[$0])) })
                        })))
        )
    }
}
