import Foundation
import Hummingbird
import MasteryCore
import MasteryStore

/// Pathways and playlists in the browser: a student's next steps (start, finish, hand in), and a section's
/// pathway map for its teachers (who is where, who is stuck, checkpoints to score, playlist assignments).
struct LearningRoutes {
    let services: AppServices
    var store: Store { services.store }
    var authorizer: Authorizer { Authorizer(store: store) }
    static let actions: Set<String> = ["start", "done", "submit"]

    func register(on router: Router<AppRequestContext>) {
        router.get("/students/{id}/next-steps") { request, context in
            let user = try context.requireUser()
            let id = Person.ID(try context.parameters.require("id"))
            try await authorizer.require(user, .viewStudentRecord, student: id)
            guard let student = try await store.person(id), student.role == .student else {
                throw AppError.notFound("The student")
            }
            let page = try await nextStepsPage(
                student, viewer: user, message: request.uri.queryParameters["saved"].map { _ in "Saved." })
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/students/{id}/items/{item}/{action}") { _, context in
            let user = try context.requireUser()
            let id = Person.ID(try context.parameters.require("id"))
            let itemID = PlaylistItem.ID(try context.parameters.require("item"))
            let action = try context.parameters.require("action")
            guard Self.actions.contains(action) else { throw AppError.notFound("That action") }
            try await authorizer.require(user, .workOnLearning, student: id)
            if action == "submit" {
                // Handing in carries the work: what they wrote, links and files.
                _ = try await WorkService(services: services, user: user, translator: context.translator).handIn(
                    student: id, itemID: itemID, text: context.form.text("text") ?? "",
                    links: context.form.all("links"),
                    files: context.form.files.filter { $0.field == "files" }.map {
                        .init(name: $0.fileName, data: $0.data)
                    },
                    choice: context.form.text("choice").flatMap(AssessmentChoice.init(rawValue:)))
                return HTMLResponse.redirect("/students/\(id.rawValue)/next-steps?saved=1#item-\(itemID.rawValue)")
            }
            let data = try await LearningData.load(student: id, store: store)
            guard let playlist = data.playlist(holding: itemID), let item = playlist.item(itemID) else {
                throw AppError.notFound("That activity")
            }
            let state = try await LearningData.state(of: id, store: store)
            if let refusal = data.advisor.refusal(of: itemID, for: state, at: services.clock()) {
                throw AppError.invalid(message: NextStepWords(t: context.translator).refusal(refusal))
            }
            let status: ItemProgress.Status
            switch (action, item.kind) {
            case ("start", _): status = .started
            case ("done", let kind) where kind != .checkpoint: status = .done
            default: throw AppError.invalid(message: "A checkpoint is done when your teacher scores it: hand it in.")
            }
            try await store.setProgress(
                status, student: id, item: itemID, playlist: playlist.id, by: user.id, at: services.clock())
            return HTMLResponse.redirect("/students/\(id.rawValue)/next-steps?saved=1#item-\(itemID.rawValue)")
        }
        router.get("/sections/{id}/pathway") { request, context in
            let user = try context.requireUser()
            let id = Section.ID(try context.parameters.require("id"))
            try await authorizer.require(user, .viewGradebook, section: id)
            let days =
                request.uri.queryParameters["days"].flatMap { Int(String($0)) }.map { max(1, min($0, 365)) } ?? 14
            let page = try await pathwayMap(
                id, viewer: user, stuckDays: days, message: request.uri.queryParameters["saved"].map { _ in "Saved." })
            return HTMLResponse.render(page.render(PageContext(context, path: request.uri.path)))
        }
        router.post("/sections/{id}/checkpoints") { _, context in
            try await scoreCheckpoint(context)
        }
        router.post("/sections/{id}/assignments") { _, context in
            let user = try context.requireUser()
            let id = Section.ID(try context.parameters.require("id"))
            try await authorizer.require(user, .manageSection, section: id)
            let students = try await store.members(of: id, as: .student).map(\.id)
            // Students ticked one by one, and everyone in the ticked groups of saved groupings.
            var chosen = context.form.all("student").map { Person.ID($0) }
            let groups = Set(context.form.all("group"))
            for grouping in try await store.groupings(section: id) {
                chosen += grouping.placements.filter { groups.contains(Self.groupValue(grouping, $0.group)) }
                    .map(\.studentID)
            }
            chosen = Array(Set(chosen.filter(students.contains))).sorted { $0.rawValue < $1.rawValue }
            guard let playlistID = context.form.text("playlist"),
                let playlist = try await store.playlist(.init(playlistID))
            else { throw AppError.invalid(message: "Choose a playlist to assign.", field: "playlist") }
            // Only a playlist of this section's course: every competency it covers is one the course assesses.
            guard let section = try await store.section(id) else { throw AppError.notFound("The section") }
            let curriculum = try await store.curriculum(course: section.courseID)
            guard playlist.competencyIDs.allSatisfy({ curriculum.competency($0) != nil }) else {
                throw AppError.invalid(message: "That playlist is not one of this course's.", field: "playlist")
            }
            guard !chosen.isEmpty else {
                throw AppError.invalid(message: "Choose at least one student or group.", field: "student")
            }
            try await store.assign(playlist.id, to: chosen, by: user.id, at: services.clock())
            return HTMLResponse.redirect("/sections/\(id.rawValue)/pathway?saved=1")
        }
    }

    func nextStepsPage(_ student: Person, viewer: Person, message: String?) async throws -> NextStepsPage {
        let now = services.clock()
        let data = try await LearningData.load(student: student.id, store: store)
        let state = try await LearningData.state(of: student.id, store: store)
        let mastered = state.mastered
        return NextStepsPage(
            student: student, isOwn: viewer.id == student.id,
            canWork: try await authorizer.allows(viewer, .workOnLearning, student: student.id),
            steps: data.advisor.advise(state, at: now), blocked: data.advisor.blocked(state, at: now),
            pathways: data.pathways.map {
                (
                    $0, $0.position(mastered: mastered), $0.completedSteps(mastered: mastered),
                    $0.pace(mastered: mastered, at: now)
                )
            },
            names: Dictionary(data.advisor.catalog.competencies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            message: message,
            work: Dictionary(
                try await store.submissions(students: [student.id]).map { ($0.itemID, $0) },
                uniquingKeysWith: { older, newer in newer.version > older.version ? newer : older }),
            scales: data.advisor.catalog.scales,
            finished: data.advisor.catalog.playlists.flatMap(\.items).compactMap { item in
                guard let progress = state.progress[item.id], progress.status == .done else { return nil }
                return (item, progress.updatedAt)
            }.sorted { ($0.at ?? .distantPast) > ($1.at ?? .distantPast) })
    }

    func pathwayMap(_ id: Section.ID, viewer: Person, stuckDays: Int, message: String?) async throws -> PathwayMapPage {
        guard let section = try await store.section(id) else { throw AppError.notFound("The section") }
        let now = services.clock()
        let data = try await LearningData.load(sections: [section], store: store)
        let students = try await store.members(of: id, as: .student)
        let competencyIDs = data.advisor.catalog.competencies.map(\.id)
        let records = try await store.records(students: students.map(\.id), competencies: competencyIDs)
        let progress = try await store.progress(students: students.map(\.id))
        let pathway = data.pathways.first { $0.courseID == section.courseID }
        var rows: [PathwayMapPage.Row] = []
        for student in students {
            let studentRecords = records[student.id] ?? [:]
            let mastered = Set(studentRecords.filter { $0.value.mastered }.keys)
            let last = studentRecords.values.compactMap(\.lastObservedAt).max()
            // Stuck: neither new evidence nor any playlist activity (started, done, handed in) for N days.
            let lastActivity = ([last] + (progress[student.id] ?? [:]).values.map(\.updatedAt)).compactMap { $0 }.max()
            var waiting: [(playlist: Playlist, item: PlaylistItem, choice: AssessmentChoice?)] = []
            for (itemID, entry) in progress[student.id] ?? [:] where entry.status == .submitted {
                if let playlist = data.playlist(holding: itemID), let item = playlist.item(itemID) {
                    waiting.append((playlist, item, entry.choice))
                }
            }
            waiting.sort { $0.item.id.rawValue < $1.item.id.rawValue }
            // Ready to take a checkpoint: on a playlist for a competency not mastered yet, every must-do done.
            let ready = data.advisor.catalog.playlists.filter { playlist in
                playlist.competencyIDs.contains { !mastered.contains($0) }
            }.compactMap {
                $0.checkpointReady(
                    progress: progress[student.id] ?? [:],
                    levels: studentRecords.compactMapValues { $0.levelValue ?? $0.value })
            }
            rows.append(
                .init(
                    student: student, position: pathway?.position(mastered: mastered),
                    completed: pathway?.completedSteps(mastered: mastered),
                    pace: pathway?.pace(mastered: mastered, at: now), lastEvidence: last,
                    stuck: lastActivity.map { now.timeIntervalSince($0) > Double(stuckDays) * 86_400 } ?? true,
                    checkpoints: waiting, ready: ready))
        }
        let scale = data.blocks.first.flatMap { block in
            block.curriculum.competencies.first.flatMap { block.curriculum.scale(for: $0) }
        }
        return PathwayMapPage(
            section: section, pathway: pathway, rows: rows,
            names: Dictionary(data.advisor.catalog.competencies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            playlists: data.advisor.catalog.playlists,
            groups: try await Self.groupChoices(store.groupings(section: id), names: data.advisor.catalog.competencies),
            scale: scale, stuckDays: stuckDays,
            canManage: try await authorizer.allows(viewer, .manageSection, section: id), message: message)
    }

    /// The teacher scores a handed-in checkpoint: evidence on the playlist's competency, and the item done
    /// with its score (which releases the reteach or extension route).
    func scoreCheckpoint(_ context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = Section.ID(try context.parameters.require("id"))
        // Scored into this section: the teacher must teach it, not only the student (decided before any input).
        try await authorizer.require(user, .recordEvidence, section: id)
        guard let section = try await store.section(id) else { throw AppError.notFound("The section") }
        guard let studentValue = context.form.text("student"), let itemValue = context.form.text("item") else {
            throw AppError.invalid(message: "Choose the student and the checkpoint.", field: "student")
        }
        let student = Person.ID(studentValue)
        try await authorizer.require(user, .recordEvidence, student: student)
        guard try await store.members(of: id, as: .student).contains(where: { $0.id == student }) else {
            throw AppError.notFound("The student in this section")
        }
        let data = try await LearningData.load(sections: [section], store: store)
        let itemID = PlaylistItem.ID(itemValue)
        guard let playlist = data.playlist(holding: itemID), let item = playlist.item(itemID),
            item.kind == .checkpoint
        else { throw AppError.notFound("That checkpoint") }
        // The one level chosen counts on every competency the checkpoint covers.
        let competencies = item.scoredCompetencies(in: playlist)
        guard let text = context.form.text("score"), let score = Double(text) else {
            throw AppError.invalid(message: "Choose a level on the scale.", field: "score")
        }
        for competency in competencies {
            let (_, scale) = try await store.policy(student: student, competency: competency)
            guard scale.contains(score) else {
                throw AppError.invalid(message: "Choose a level on the scale.", field: "score")
            }
        }
        let now = services.clock()
        try await store.append(
            competencies.map { competency in
                .record(
                    student: student, competency: competency, score: score, observedAt: now, source: .checkpoint,
                    section: id, comment: context.form.text("comment") ?? item.title)
            }, by: user.id, at: now)
        let choice = try await store.progress(student: student)[itemID]?.choice
        try await store.setProgress(
            .done, score: score, choice: choice, student: student, item: itemID, playlist: playlist.id, by: user.id,
            at: now)
        return HTMLResponse.redirect("/sections/\(id.rawValue)/pathway?saved=1")
    }

    /// How a group of a saved grouping is named in the form.
    static func groupValue(_ grouping: Grouping, _ group: String) -> String { "\(grouping.id)|\(group)" }

    /// The groups of the newest saved groupings (five at most), each with its day, competencies and size.
    static func groupChoices(_ groupings: [Grouping], names: [Competency]) -> [(value: String, label: String)] {
        groupings.sorted { $0.createdAt > $1.createdAt }.prefix(5).flatMap { grouping in
            let codes = grouping.competencyIDs.compactMap { id in names.first { $0.id == id }?.code }
                .joined(separator: ", ")
            var sizes: [String: Int] = [:]
            var order: [String] = []
            for placement in grouping.placements {
                if sizes[placement.group] == nil { order.append(placement.group) }
                sizes[placement.group, default: 0] += 1
            }
            return order.map { group in
                let count = sizes[group] ?? 0
                return (
                    groupValue(grouping, group),
                    "\(group) — \(grouping.day)\(codes.isEmpty ? "" : " (\(codes))") · \(count) student\(count == 1 ? "" : "s")"
                )
            }
        }
    }
}
