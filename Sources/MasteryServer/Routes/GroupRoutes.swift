import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// Flexible groups: suggested from current levels and prerequisite readiness, adjusted by the teacher,
/// saved for a day, compared with fresh suggestions after new evidence, and laid out as a station rotation.
struct GroupRoutes {
    let services: AppServices
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/sections/{id}/groups") { request, context in
            let data = try await load(context)
            let chosen = request.uri.queryParameters[values: "competency"].map { Competency.ID(String($0)) }
            let size = request.uri.queryParameters["size"].flatMap { Int(String($0)) }.map { max(2, min($0, 30)) } ?? 6
            let competencies = data.curriculum.leafCompetencies.filter { chosen.contains($0.id) }
            let placements = try await suggest(data, competencies, size: size)
            let page = GroupsPage(
                data: data, chosen: competencies, size: size, placements: placements,
                saved: try await store.groupings(section: data.section.id))
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/sections/{id}/groups") { _, context in
            let data = try await load(context)
            let user = try context.requireUser()
            let form = context.form
            let chosen = form.all("competency").map { Competency.ID($0) }
            let competencies = data.curriculum.leafCompetencies.filter { chosen.contains($0.id) }
            guard !competencies.isEmpty else {
                throw AppError.invalid(message: "Choose a competency.", field: "competency")
            }
            let size = try form.int("size", in: 2...30) ?? 6
            let suggested = try await suggest(data, competencies, size: size)
            let placements = suggested.map { placement -> FlexibleGroups.Placement in
                guard let name = form.text("group-\(placement.studentID.rawValue)"), name != placement.group,
                    let kind = FlexibleGroups.Kind.allCases.first(where: { name.hasPrefix($0.label) })
                else { return placement }
                return .init(
                    studentID: placement.studentID, group: name, kind: kind,
                    reason: "moved by the teacher from \(placement.group) (\(placement.reason))")
            }
            let day =
                form.text("day").flatMap { FormDates.parse($0) }.map(Components.isoDate)
                ?? Components.isoDate(services.clock())
            let grouping = Grouping(
                id: UUID().uuidString.lowercased(), sectionID: data.section.id, day: day,
                competencyIDs: competencies.map(\.id), placements: placements, createdAt: services.clock())
            try await store.save(grouping, by: user.id)
            return HTMLResponse.redirect("/sections/\(data.section.id.rawValue)/groups/\(grouping.id)")
        }
        router.get("/sections/{id}/groups/{grouping}") { request, context in
            let data = try await load(context)
            let id = try context.parameters.require("grouping")
            guard let grouping = try await store.groupings(section: data.section.id).first(where: { $0.id == id })
            else {
                throw AppError.notFound("The grouping")
            }
            let competencies = data.curriculum.leafCompetencies.filter { grouping.competencyIDs.contains($0.id) }
            let sizes = Dictionary(grouping: grouping.placements, by: \.group).values.map(\.count)
            let fresh = try await suggest(data, competencies, size: max(2, sizes.max() ?? 6))
            let flexDay = try await store.flexDays(school: data.section.schoolID)
                .filter { $0.status == .draft }.min { $0.day < $1.day }
            let page = GroupingPage(
                data: data, grouping: grouping, competencies: competencies,
                moves: FlexibleGroups.moves(from: grouping.placements, to: fresh), flexDay: flexDay)
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
    }

    func suggest(
        _ data: SectionData, _ competencies: [Competency], size: Int
    ) async throws -> [FlexibleGroups.Placement] {
        guard !competencies.isEmpty else { return [] }
        let prerequisites = try await store.prerequisites(frameworks: data.curriculum.frameworks.map(\.id))
        let needed = Set(competencies.map(\.id)).union(prerequisites.map(\.prerequisite))
        let records = try await store.records(students: data.students.map(\.id), competencies: Array(needed))
        var thresholds: [Competency.ID: Double] = [:]
        for competency in competencies {
            thresholds[competency.id] = data.curriculum.scale(for: competency)?.masteryThreshold
        }
        return FlexibleGroups.suggest(
            students: data.students, competencies: competencies, records: records, thresholds: thresholds,
            prerequisites: PrerequisiteGraph(prerequisites), maxSize: size,
            codes: Dictionary(data.curriculum.competencies.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a }))
    }

    func load(_ context: AppRequestContext) async throws -> SectionData {
        let user = try context.requireUser()
        let id = Section.ID(try context.parameters.require("id"))
        try await authorizer.require(user, .manageSection, section: id)
        return try await SectionData.load(id, store: store)
    }
}
