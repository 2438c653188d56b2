import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// `/`: each role's home page.
struct HomeRoutes {
    let services: AppServices
    var store: Store { services.store }

    func register(on router: Router<AppRequestContext>) {
        router.get("/") { request, context in
            guard let user = context.user else { return HTMLResponse.redirect("/login") }
            let page = PageContext(context, path: "/")
            switch user.role {
            case .teacher: return HTMLResponse.render(try await teacherHome(user).render(page))
            case .student:
                return HTMLResponse.render(
                    try await StudentRoutes(services: services).trackerPage(
                        user, viewer: user, t: page.t,
                        charted: request.uri.queryParameters.getAll("chart").map { Competency.ID(String($0)) }
                    ).render(page))
            case .guardian:
                var home = try await guardianHome(user)
                home.needsYou = try await NeedsYouService(services: services).entries(
                    for: user, page.t)
                return HTMLResponse.render(home.render(page))
            case .coach:
                guard let school = try await store.organization(user.organizationID) else {
                    throw AppError.notFound("Your school")
                }
                return HTMLResponse.render(
                    CoachHomePage(coach: user, overview: try await overview(school)).render(page))
            case .admin: return HTMLResponse.render(try await adminHome(user).render(page))
            case .mentor:
                return HTMLResponse.render(
                    MentorHomePage(mentor: user, opportunities: try await store.elos(mentor: user.id)).render(page))
            }
        }
    }

    func teacherHome(_ teacher: Person) async throws -> TeacherHomePage {
        var items: [TeacherHomePage.Item] = []
        var past: [TeacherHomePage.Item] = []
        let today = Section.isoDay(services.clock())
        let authorizer = Authorizer(store: store)
        var plansListed: Set<LearningPlan.ID> = []
        for section in try await store.sections(of: teacher.id, as: .teacher) {
            let data = try await SectionData.load(section.id, store: store)
            var item = TeacherHomePage.Item(
                section: section, courseTitle: data.course.title, studentCount: data.students.count,
                masteredShare: data.masteredShare)
            if section.isArchived(today: today) {
                past.append(item)
            } else {
                // What needs them today: work handed in and waiting (only where they score it).
                if try await authorizer.allows(teacher, .recordEvidence, section: section.id) {
                    item.waiting = try await WorkService(services: services, user: teacher).queue(section: section.id)
                        .count
                    // Who is stuck (nothing new for two weeks) and who is ready to take a checkpoint.
                    let map = try await LearningRoutes(services: services).pathwayMap(
                        section.id, viewer: teacher, stuckDays: 14, message: nil)
                    item.stuck = map.rows.filter(\.stuck).count
                    item.ready = map.rows.filter { !$0.ready.isEmpty }.count
                }
                // Learning plans in review that wait for an advisor's sign-off, each listed once.
                item.plansToSign = try await PlansToSign.find(
                    for: teacher, among: data.students, listed: &plansListed, store: store
                )
                items.append(item)
            }
        }
        return TeacherHomePage(teacher: teacher, items: items, past: past)
    }

    func guardianHome(_ guardian: Person) async throws -> GuardianHomePage {
        var children: [GuardianHomePage.Child] = []
        // What changed since the family's previous visit (else in the last two weeks).
        let previous = try await store.previousVisit(of: guardian.id)
        let since = previous ?? services.clock().addingTimeInterval(-14 * 86_400)
        for child in try await store.children(ofGuardian: guardian.id) {
            let sections = try await store.sections(of: child.id, as: .student)
            var competencies: [Competency] = []
            var scales: [Competency.ID: ProficiencyScale] = [:]
            for section in sections {
                if let course = try await store.course(section.courseID) {
                    let curriculum = try await store.curriculum(course: course.id)
                    competencies += curriculum.leafCompetencies
                    for competency in curriculum.leafCompetencies {
                        scales[competency.id] = curriculum.scale(for: competency)
                    }
                }
            }
            let records = try await store.records(student: child.id)
            let changes = RecentChanges.items(
                events: try await store.events(student: child.id, recordedSince: since), competencies: competencies,
                records: records)
            children.append(
                .init(
                    student: child, sections: sections.map(\.name),
                    summaries: MasterySummary.summaries(competencies: competencies, records: records),
                    since: previous,
                    changes: changes.map { item in
                        (
                            item,
                            item.record?.levelValue.flatMap { value in
                                scales[item.competency.id]?.levels.first { $0.value == value }
                            }
                        )
                    }))
        }
        return GuardianHomePage(guardian: guardian, children: children)
    }

    func overview(_ school: Organization) async throws -> SchoolOverview {
        var rows: [SchoolOverview.Row] = []
        for section in try await store.sections(inSchool: school.id) {
            let data = try await SectionData.load(section.id, store: store)
            rows.append(
                .init(
                    section: section, teachers: data.teachers, studentCount: data.students.count,
                    masteredShare: data.masteredShare))
        }
        return SchoolOverview(school: school, rows: rows)
    }

    func adminHome(_ admin: Person) async throws -> AdminHomePage {
        guard let organization = try await store.organization(admin.organizationID) else {
            throw AppError.notFound("Your organization")
        }
        let schools =
            organization.kind == .school
            ? [organization] : try await store.organizations().filter { $0.parentID == organization.id }
        var result: [(SchoolOverview, AdminHomePage.Counts)] = []
        for school in schools {
            let counts = AdminHomePage.Counts(
                students: try await store.countPeople(in: school.id, role: .student),
                teachers: try await store.countPeople(in: school.id, role: .teacher),
                guardians: try await store.countPeople(in: school.id, role: .guardian),
                coaches: try await store.countPeople(in: school.id, role: .coach),
                admins: try await store.countPeople(in: school.id, role: .admin),
                readiness: try await store.readiness(of: school.id))
            result.append((try await overview(school), counts))
        }
        return AdminHomePage(admin: admin, organization: organization, schools: result)
    }
}
