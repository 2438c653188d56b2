import Foundation
import MasteryCore
import MasteryStore

/// What the next-step advisor needs for a set of courses (the catalog), and for one student: read from the
/// store once, shared by the student's next-steps page, the API and a section's pathway map.
struct LearningData {
    struct CourseBlock {
        var section: Section
        var course: Course
        var curriculum: Curriculum
    }

    var blocks: [CourseBlock]
    var advisor: NextStepAdvisor
    var pathways: [Pathway] { advisor.catalog.pathways }

    /// The catalog of the courses of `sections`: their academic competencies that are assessed directly, with
    /// prerequisites, thresholds, pathways and the playlists offered there — catalog playlists, and teachers'
    /// playlists for these sections (or, with `assigned`, for a student: also those assigned to them).
    static func load(
        sections: [Section], store: Store, assigned: Set<Playlist.ID> = []
    ) async throws -> LearningData {
        var blocks: [CourseBlock] = []
        var competencies: [Competency] = []
        var seen: Set<Competency.ID> = []
        var thresholds: [Competency.ID: Double] = [:]
        var scales: [Competency.ID: ProficiencyScale] = [:]
        var frameworks: Set<Framework.ID> = []
        for section in sections {
            guard let course = try await store.course(section.courseID) else { continue }
            let curriculum = try await store.curriculum(course: course.id)
            blocks.append(CourseBlock(section: section, course: course, curriculum: curriculum))
            frameworks.formUnion(curriculum.frameworks.map(\.id))
            for competency in curriculum.leafCompetencies where competency.kind == .academic {
                guard seen.insert(competency.id).inserted else { continue }
                competencies.append(competency)
                thresholds[competency.id] = curriculum.scale(for: competency)?.masteryThreshold
                scales[competency.id] = curriculum.scale(for: competency)
            }
        }
        let prerequisites = try await store.prerequisites(frameworks: frameworks.sorted { $0.rawValue < $1.rawValue })
        let pathways = try await store.pathways(
            courses: Array(Set(blocks.map(\.course.id))).sorted { $0.rawValue < $1.rawValue })
        let sectionIDs = Set(sections.map(\.id))
        let playlists = try await store.playlists(competencies: competencies.map(\.id)).filter {
            $0.isOffered(toStudentIn: sectionIDs, assigned: assigned.contains($0.id))
        }
        let advisor = NextStepAdvisor(
            catalog: .init(
                competencies: competencies, prerequisites: PrerequisiteGraph(prerequisites), thresholds: thresholds,
                pathways: pathways, playlists: playlists, scales: scales))
        return LearningData(blocks: blocks, advisor: advisor)
    }

    /// The catalog of a student's sections.
    static func load(student: Person.ID, store: Store) async throws -> LearningData {
        try await load(
            sections: try await store.sections(of: student, as: .student), store: store,
            assigned: Set(try await store.assignedPlaylists(student: student)))
    }

    /// What the advisor knows about one student.
    static func state(of student: Person.ID, store: Store) async throws -> NextStepAdvisor.Student {
        NextStepAdvisor.Student(
            records: try await store.records(student: student), progress: try await store.progress(student: student),
            goals: try await store.goalTitles(student: student),
            preferredModalities: try await store.preferredModalities(student: student),
            assigned: Set(try await store.assignedPlaylists(student: student)))
    }

    /// The playlist holding an item, among the catalog's.
    func playlist(holding item: PlaylistItem.ID) -> Playlist? {
        advisor.catalog.playlists.first { $0.item(item) != nil }
    }
}
