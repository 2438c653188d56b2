import Foundation
import HTTPTypes
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

/// Every write route × who asks: the student themself, a classmate, the student's guardian, another
/// family's guardian, the student's teacher, another teacher of the school, a teacher of another school, the
/// school's coach and the district administrator. Each row names who must be let through (any answer but
/// 401/403: a 422 for an empty form still shows the door was open) and who must get 403 (or 404 where
/// existence is private). Nobody left out of both is checked for that row. The read table lives in
/// `StudentRecordTests.authorizationTable`.
@Suite("Write authorization: every write route × role × relationship")
struct WriteAuthorizationTests {
    struct Row: Sendable, CustomStringConvertible {
        var path: String
        var method: HTTPRequest.Method = .post
        var fields: [(String, String)] = []
        var api: [String: String]?
        var allowed: Set<String>
        var denied: Set<String>
        var description: String { "\(method) \(path)" }
    }

    static let everyone: Set<String> = [
        "student", "classmate", "guardian", "otherGuardian", "teacher", "teacher2", "teacher5", "coach", "admin",
    ]

    static func rows(_ ids: IDs) -> [Row] {
        let s = "/students/\(ids.student)"
        let ownWork: Set<String> = ["student", "teacher"]
        let section = "/sections/\(ids.section)"
        let teacherOnly: Set<String> = ["teacher"]
        let sectionManagers: Set<String> = ["teacher", "admin"]
        let coordinators: Set<String> = ["coach", "admin"]
        let staff: Set<String> = ["teacher", "admin"]
        func others(_ allowed: Set<String>) -> Set<String> { everyone.subtracting(allowed) }
        return [
            // One's own language: everyone, and only ever for themselves (the route takes no person). Blank:
            // "follow my browser", so the shared school's pages stay in English for the other tests.
            Row(path: "/me/language", fields: [("language", "")], allowed: everyone, denied: []),
            // One's own weekly email: everyone, for themselves only (an unknown choice is refused, nothing changes).
            Row(path: "/me/digest", fields: [("digest", "")], allowed: everyone, denied: []),
            Row(path: "\(s)/goals", allowed: ownWork, denied: others(ownWork)),
            Row(path: "\(s)/goals/no-such-goal/withdraw", allowed: ownWork, denied: others(ownWork)),
            Row(path: "\(s)/reflections", allowed: ["student"], denied: others(["student"])),
            Row(path: "\(s)/plan", allowed: ownWork, denied: others(ownWork)),
            Row(path: "\(s)/plan/no-such-plan/complete", allowed: ownWork, denied: others(ownWork)),
            Row(
                path: "\(s)/plan/no-such-plan/acknowledge", allowed: ownWork.union(["guardian"]),
                denied: others(ownWork.union(["guardian"]))),
            Row(path: "\(s)/profile", allowed: ownWork, denied: others(ownWork)),
            Row(path: "\(s)/family", fields: [("givenName", "Pat")], allowed: staff, denied: others(staff)),
            Row(
                path: "/admin/courses", fields: [("code", "AUTH-1"), ("title", "T"), ("school", "org-school-1")],
                allowed: ["admin"], denied: others(["admin"])),
            // Teachers choose what a course assesses only where the school lets them (off in the demo school).
            // (An unknown framework: let through, the answer is 404 and the course keeps what it assesses.)
            Row(
                path: "\(section)/frameworks", fields: [("framework", "no-such-framework")], allowed: ["admin"],
                denied: others(["admin"])),
            Row(path: "/admin/schools/org-school-1/settings", allowed: ["admin"], denied: others(["admin"])),
            Row(
                path: "/admin/sections/\(ids.section)/members",
                fields: [("role", "student"), ("usernames", "student")],
                allowed: ["admin"], denied: others(["admin"])),
            Row(
                path: "/frameworks", fields: [("code", "NEW-1"), ("title", "New")],
                allowed: ["teacher", "teacher2", "teacher5", "admin"],
                denied: others(["teacher", "teacher2", "teacher5", "admin"])),
            Row(path: "\(s)/conference/picks", allowed: ["student"], denied: others(["student"])),
            Row(path: "\(s)/items/no-such-item/start", allowed: ownWork, denied: others(ownWork)),
            Row(
                path: "\(s)/competencies/\(ids.competency)/evidence", fields: [("score", "3")], allowed: teacherOnly,
                denied: others(teacherOnly)),
            Row(
                path: "\(s)/competencies/\(ids.competency)/evidence/no-such-event/exclude", allowed: teacherOnly,
                denied: others(teacherOnly)),
            Row(path: "\(section)/groups", allowed: sectionManagers, denied: others(sectionManagers)),
            Row(path: "\(section)/settings", allowed: sectionManagers, denied: others(sectionManagers)),
            Row(path: "\(section)/assignments", allowed: sectionManagers, denied: others(sectionManagers)),
            Row(
                path: "\(section)/sign-in/cards", fields: [("student", ids.student)], allowed: sectionManagers,
                denied: others(sectionManagers)),
            Row(
                path: "\(section)/sign-in/revoke", fields: [("student", ids.student)], allowed: sectionManagers,
                denied: others(sectionManagers)),
            Row(
                path: "\(section)/sign-in/link", fields: [("student", ids.student)], allowed: sectionManagers,
                denied: others(sectionManagers)),
            Row(path: "\(section)/quick-check", allowed: teacherOnly, denied: others(teacherOnly)),
            Row(path: "\(section)/checkpoints", allowed: teacherOnly, denied: others(teacherOnly)),
            Row(path: "\(section)/tasks/\(ids.task)/score", allowed: teacherOnly, denied: others(teacherOnly)),
            Row(path: "\(section)/tasks/\(ids.task)/undo", allowed: teacherOnly, denied: others(teacherOnly)),
            Row(path: "/schedule", allowed: coordinators, denied: others(coordinators).subtracting(["teacher5"])),
            Row(path: "/schedule/\(ids.day)/sessions", allowed: coordinators, denied: others(coordinators)),
            Row(path: "/schedule/\(ids.day)/propose", allowed: coordinators, denied: others(coordinators)),
            Row(path: "/schedule/\(ids.day)/adjust", allowed: coordinators, denied: others(coordinators)),
            Row(path: "/schedule/\(ids.day)/publish", allowed: coordinators, denied: others(coordinators)),
            Row(path: "/schedule/\(ids.day)/sessions/open-1", allowed: coordinators, denied: others(coordinators)),
            Row(
                path: "/schedule/\(ids.day)/sessions/open-1/remove", allowed: coordinators,
                denied: others(coordinators)),
            Row(path: "/schedule/\(ids.day)/close", allowed: coordinators, denied: others(coordinators)),
            Row(path: "/schedule/\(ids.day)/copy", allowed: coordinators, denied: others(coordinators)),
            Row(
                path: "/schedule/\(ids.day)/requests/no-such-request/withdraw", allowed: coordinators,
                denied: others(coordinators)),
            // Requests: a teacher for their own students only; choices: a student on the day, for themselves.
            Row(
                path: "/flex/\(ids.day)/requests",
                fields: [("session", "open-0"), ("student", ids.student), ("reason", "Reteach")],
                allowed: teacherOnly, denied: others(teacherOnly)),
            Row(
                path: "/flex/\(ids.day)/choices", fields: [("choice-1", "open-0")], allowed: ["student", "classmate"],
                denied: others(["student", "classmate"])),
            Row(
                path: "/flex/\(ids.day)/requests/no-such-request/withdraw", allowed: ["teacher", "teacher2"],
                denied: ["guardian", "otherGuardian", "teacher5"]),
            // A session without a teacher is nobody's to take attendance for.
            Row(path: "/schedule/\(ids.day)/sessions/open-0/attendance", allowed: [], denied: everyone),
            Row(
                path: "/frameworks/\(ids.framework)/tasks", allowed: staff,
                denied: others(staff.union(["teacher2", "teacher5"]))),
            Row(
                path: "/frameworks/\(ids.framework)/strands", allowed: ["admin"],
                denied: ["student", "classmate", "guardian", "otherGuardian", "coach"]),
            Row(
                path: "/frameworks/\(ids.framework)/competencies", allowed: ["admin"],
                denied: ["student", "guardian", "coach"]),
            Row(
                path: "/frameworks/\(ids.framework)/scale", allowed: ["admin"],
                denied: ["student", "guardian", "coach"]),
            Row(path: "/admin/import", allowed: ["admin"], denied: others(["admin"])),
            // Playlists are written by the section's managers; work is handed in by the student (or their teacher
            // for them) and scored from the queue by the section's teacher.
            Row(
                path: "\(section)/playlists",
                fields: [("title", "Auth"), ("item-title", "Read"), ("item-competency", ids.competency)],
                allowed: sectionManagers, denied: others(sectionManagers)),
            Row(
                path: "\(s)/items/no-such-item/submit", fields: [("text", "my work")], allowed: ownWork,
                denied: others(ownWork)),
            Row(path: "\(section)/queue/no-such-work", allowed: teacherOnly, denied: others(teacherOnly)),
            Row(path: "\(section)/pathway/edit/step", allowed: sectionManagers, denied: others(sectionManagers)),
            Row(
                path: "/api/v1/sections/\(ids.section)/pathway", method: .put, api: ["title": "x"],
                allowed: sectionManagers, denied: others(sectionManagers)),
            Row(
                path: "/api/v1/students/\(ids.student)/submissions", api: ["itemId": "no-such-item", "text": "x"],
                allowed: ownWork, denied: others(ownWork)),
            Row(
                path: "/api/v1/sections/\(ids.section)/queue/no-such-work/review", api: ["feedback": "x"],
                allowed: teacherOnly, denied: others(teacherOnly)),
            Row(path: "/admin/import/confirm", allowed: ["admin"], denied: others(["admin"])),
            Row(
                path: "/api/v1/evidence",
                api: ["studentId": ids.student, "competencyId": ids.competency, "score": "3"], allowed: teacherOnly,
                denied: others(teacherOnly)),
            Row(
                path: "/api/v1/people/\(ids.student)/tokens", method: .delete, api: [:], allowed: ["admin"],
                denied: others(["admin"])),
            // Final grades: the section's teachers and administrators (a preview changes nothing; an empty reason
            // or an unknown period is refused once the door is open).
            Row(
                path: "\(section)/grades/rule", fields: [("preset", "mean-level")], allowed: sectionManagers,
                denied: others(sectionManagers)),
            Row(
                path: "\(section)/grades/override", fields: [("student", ids.student), ("reason", "")],
                allowed: sectionManagers, denied: others(sectionManagers)),
            Row(
                path: "\(section)/grades/close", fields: [("period", "no-such-period")], allowed: sectionManagers,
                denied: others(sectionManagers)),
            Row(
                path: "\(section)/grades/comment", fields: [("student", "no-such-student")],
                allowed: sectionManagers, denied: others(sectionManagers)),
            Row(
                path: "/api/v1/sections/\(ids.section)/grades/comments",
                api: ["studentId": "no-such-student", "comment": ""], allowed: sectionManagers,
                denied: others(sectionManagers)),
            Row(path: "/api/v1/grade-rule", method: .put, api: [:], allowed: ["admin"], denied: others(["admin"])),
            Row(path: "/admin/grading-periods", fields: [("title", "")], allowed: ["admin"], denied: others(["admin"])),
            Row(path: "/admin/resources", fields: [("text-en", "")], allowed: ["admin"], denied: others(["admin"])),
            Row(
                path: "/api/v1/sections/\(ids.section)/grade-rule", method: .put, api: ["preset": "no-such-preset"],
                allowed: sectionManagers, denied: others(sectionManagers)),
            Row(
                path: "/api/v1/sections/\(ids.section)/grades/overrides",
                api: ["studentId": ids.student, "reason": ""], allowed: sectionManagers,
                denied: others(sectionManagers)),
            Row(
                path: "/api/v1/sections/\(ids.section)/grades/close", api: ["periodId": "no-such-period"],
                allowed: sectionManagers, denied: others(sectionManagers)),
            Row(
                path: "/api/v1/grading-periods", api: ["title": "", "startsOn": "x", "endsOn": "y"],
                allowed: ["admin"], denied: others(["admin"])),
            // Learning beyond school: the student proposes and logs hours, their teacher supervises, a guardian
            // consents. (Empty or out-of-range fields: refused once the door is open.)
            Row(path: "\(s)/elos", fields: [("title", "")], allowed: ["student"], denied: others(["student"])),
            Row(path: "/elos/\(ids.elo)/approve", allowed: teacherOnly, denied: others(teacherOnly)),
            Row(path: "/elos/\(ids.elo)/consent", allowed: ["guardian"], denied: others(["guardian"])),
            Row(
                path: "/elos/\(ids.elo)/complete", fields: [("credit", "99")], allowed: teacherOnly,
                denied: others(teacherOnly)),
            Row(
                path: "/elos/\(ids.elo)/hours", fields: [("hours", "")], allowed: ["student"],
                denied: others(["student"])),
            Row(
                path: "/elos/\(ids.elo)/evidence", fields: [("score", "")], allowed: teacherOnly,
                denied: others(teacherOnly)),
            Row(
                path: "/elos/\(ids.elo)/mentors", fields: [("givenName", "")], allowed: teacherOnly,
                denied: others(teacherOnly)),
            Row(
                path: "/api/v1/students/\(ids.student)/elos", api: ["title": "", "kind": "internship"],
                allowed: ["student"], denied: others(["student"])),
            Row(
                path: "/api/v1/elos/\(ids.elo)/hours", api: ["hours": "x", "note": ""], allowed: ["student"],
                denied: others(["student"])),
            Row(
                path: "/api/v1/elos/\(ids.elo)/evidence", api: ["competencyId": ids.competency], allowed: teacherOnly,
                denied: others(teacherOnly)),
            Row(
                path: "/api/v1/elos/\(ids.elo)/mentors", api: ["givenName": ""], allowed: teacherOnly,
                denied: others(teacherOnly)),
            Row(
                path: "/api/v1/elos/\(ids.elo)/complete", api: ["credit": "x"], allowed: teacherOnly,
                denied: others(teacherOnly)),
            Row(path: "/api/v1/elos/\(ids.elo)/approve", api: [:], allowed: teacherOnly, denied: others(teacherOnly)),
            Row(path: "/api/v1/elos/\(ids.elo)/consent", api: [:], allowed: ["guardian"], denied: others(["guardian"])),
        ]
    }

    struct IDs: Sendable {
        var student: String
        var section: String
        var competency: String
        var task: String
        var framework: String
        var day: String
        var elo: String
    }

    @Test("Each write route lets through exactly the people the policy names")
    func table() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let student = try #require(try await store.credentials(username: "student")?.person)
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let taught = Set(try await store.sections(of: teacher.id, as: .teacher).map(\.id))
            let section = try #require(
                try await store.sections(of: student.id, as: .student).first { taught.contains($0.id) })
            let classmate = try #require(
                try await store.members(of: section.id, as: .student).first {
                    $0.id != student.id && $0.username != nil
                })
            let otherGuardian = try #require(try await store.guardians(ofStudent: classmate.id).first?.username)
            let curriculum = try await store.curriculum(course: section.courseID)
            let competency = try #require(curriculum.leafCompetencies.first { $0.kind == .academic })
            let task = try #require(try await store.tasks(framework: competency.frameworkID).first)
            var coach = TestBrowser(client)
            _ = try await coach.login("coach")
            _ = try await coach.get("/schedule")
            let day = try #require(
                try await coach.post("/schedule", [("day", "2026-11-30"), ("mods", "2")]).location?.split(
                    separator: "/"
                )
                .last.map(String.init))
            let ids = IDs(
                student: student.id.rawValue, section: section.id.rawValue, competency: competency.id.rawValue,
                task: task.id.rawValue, framework: competency.frameworkID.rawValue, day: day, elo: "elo-auth")
            try await store.add(
                ExtendedLearning(
                    id: "elo-auth", studentID: student.id, title: "Lab internship", kind: .internship, description: "",
                    competencyIDs: [competency.id], plannedHours: nil,
                    proposed: .init(by: student.id, at: TestSchool.now),
                    consentNeeded: true), organization: nil)
            let usernames: [String: String] = [
                "student": "student", "classmate": try #require(classmate.username), "guardian": "guardian",
                "otherGuardian": otherGuardian, "teacher": "teacher", "teacher2": "teacher2", "teacher5": "teacher5",
                "coach": "coach", "admin": "admin",
            ]
            var failures: [String] = []
            for who in Self.everyone.sorted() {
                let username = try #require(usernames[who])
                var browser = TestBrowser(client)
                _ = try await browser.login(username)
                _ = try await browser.get("/")
                let api = try await APIClient.signIn(client, username)
                for row in Self.rows(ids) where row.allowed.contains(who) || row.denied.contains(who) {
                    let status: HTTPResponse.Status
                    if let body = row.api {
                        var json: [String: Any] = body
                        if let score = body["score"].flatMap(Double.init) { json["score"] = score }
                        status = try await api.call(row.path, method: row.method, json: json).status
                    } else {
                        status = try await browser.post(row.path, row.fields).status
                    }
                    let refused = status == .forbidden || status == .notFound || status == .unauthorized
                    if row.allowed.contains(who), status == .forbidden || status == .unauthorized {
                        failures.append("\(row) as \(who): \(status.code), expected to be let through")
                    }
                    if row.denied.contains(who), !refused {
                        failures.append("\(row) as \(who): \(status.code), expected 403")
                    }
                    #expect(status.code < 500, "\(row) as \(who): \(status.code)")
                }
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }
}
