import Foundation
import MasteryCore
import MasteryStore
import Plot

/// The audit log, newest first: every write — who, when (to the second, UTC), what and about whom — with
/// filters, paging and a CSV download of what the filters select.
struct AuditPage {
    struct Filters: Equatable {
        var person: String?
        var student: String?
        var action: String?
        var from: String?
        var to: String?

        var query: String {
            [("person", person), ("student", student), ("action", action), ("from", from), ("to", to)]
                .compactMap { name, value in
                    value.map {
                        "\(name)=\($0.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "")"
                    }
                }
                .joined(separator: "&")
        }
    }

    var entries: [AuditEntry]
    var names: [Person.ID: String]
    var filters: Filters
    /// The sequence to continue from when there are older entries.
    var older: Int64?
    /// The page size asked for, kept in the link to older entries.
    var limit: Int?

    static func timestamp(_ date: Date) -> String { Components.moment(date) }

    /// The CSV keeps a sortable, machine-readable moment: "2026-12-02 14:03:22" (UTC).
    static func csvTimestamp(_ date: Date) -> String {
        Components.isoDate(date) + " " + Components.clockTime(date)
    }

    func render(_ page: PageContext) -> HTML {
        let query = filters.query
        return Layout.page(
            "Audit log", page, wide: true,
            Layout.heading(
                "Audit log", eyebrow: "Administrator",
                lead: "Every change recorded in Masterly: who made it, when, and to what."),
            .form(
                .class("filters"), .method(.get), .action("/admin/audit"),
                filterField("Person (username or id)", "person", filters.person),
                filterField("Student (username or id)", "student", filters.student),
                filterField("Action (e.g. evidence, task.update)", "action", filters.action),
                dateField("From", "from", filters.from),
                dateField("To", "to", filters.to),
                .button(.type(.submit), "Filter"),
                .a(
                    .class("button-link"), .href("/admin/audit.csv" + (query.isEmpty ? "" : "?\(query)")),
                    "Download CSV")
            ),
            .if(
                entries.isEmpty, .p(.class("muted"), "Nothing recorded matches."),
                else: .div(
                    .class("table-scroll"), .attribute(named: "tabindex", value: "0"),
                    .attribute(named: "role", value: "region"), .ariaLabel("Audit entries"),
                    .table(
                        .class("audit"),
                        .caption(.text("\(entries.count) entries, newest first")),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), "When (UTC)"),
                                .th(.attribute(named: "scope", value: "col"), "Who"),
                                .th(.attribute(named: "scope", value: "col"), "What"),
                                .th(.attribute(named: "scope", value: "col"), "Student"),
                                .th(.attribute(named: "scope", value: "col"), "Details")
                            )),
                        .tbody(
                            .forEach(entries) { entry in
                                .tr(
                                    .td(.text(Self.timestamp(entry.at))),
                                    .td(.text(names[entry.actorID] ?? entry.actorID.rawValue)),
                                    .td(.text(entry.action)),
                                    .td(.text(entry.studentID.map { names[$0] ?? $0.rawValue } ?? "–")),
                                    .td(.text("\(entry.subject); \(entry.detail)"))
                                )
                            })
                    )
                )
            ),
            .unwrap(older) { sequence in
                .p(
                    .a(
                        .href(
                            "/admin/audit?\(query.isEmpty ? "" : query + "&")before=\(sequence)\(limit.map { "&limit=\($0)" } ?? "")"
                        ),
                        "Older entries"))
            }
        )
    }

    func filterField(_ label: String, _ name: String, _ value: String?) -> Node<HTML.FormContext> {
        .div(
            .class("field"), .label(.for("audit-\(name)"), .text(label)),
            .input(.type(.text), .id("audit-\(name)"), .name(name), .value(value ?? "")))
    }

    func dateField(_ label: String, _ name: String, _ value: String?) -> Node<HTML.FormContext> {
        .div(
            .class("field"), .label(.for("audit-\(name)"), .text(label)),
            .input(.type(.date), .id("audit-\(name)"), .name(name), .value(value ?? "")))
    }
}

extension CharacterSet {
    /// Characters left as they are in a query value (no `&`, `=`, `+` or `#`).
    static let urlQueryValueAllowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.remove(charactersIn: "&=+#")
        return set
    }()
}
