import Foundation
import HTTPTypes
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

/// Final grades end to end through the API and the pages: the rule (preview, save), an override with its reason,
/// closing a period (frozen, later corrections flagged), a past date, report cards, and who may do what.
@Suite("Final grades, periods and report cards")
struct GradesTests {
    static func students(_ result: APIClient.Result) -> [[String: Any]] {
        result.object["students"] as? [[String: Any]] ?? []
    }

    static func row(_ result: APIClient.Result, _ student: String) -> [String: Any]? {
        students(result).first { $0["studentId"] as? String == student }
    }

    @Test("The rule is previewed without a change, then saved for the course; a grade follows the evidence")
    func rulePreviewAndSave() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let teacher = try await APIClient.signIn(client, "teacher")
            let before = try await teacher.call("/api/v1/sections/sec-1/grades")
            #expect(before.status == .ok && before.object["ruleSaved"] as? Bool == false)
            #expect(Self.students(before).count == 25)
            for row in Self.students(before) {
                #expect((row["explanation"] as? String)?.contains("Mean level, A–F") == true)
            }
            let preview = try await teacher.call("/api/v1/sections/sec-1/grades?preset=all-at-least&unassessed=lowest")
            #expect((preview.object["rule"] as? [String: Any])?["name"] as? String == "All at mastery, none far below")
            #expect((preview.object["rule"] as? [String: Any])?["unassessed"] as? String == "lowest")
            // A preview saves nothing.
            #expect(try await teacher.call("/api/v1/sections/sec-1/grades").object["ruleSaved"] as? Bool == false)
            let saved = try await teacher.call(
                "/api/v1/sections/sec-1/grade-rule", method: .put, json: ["preset": "percent-mastered"])
            #expect(saved.status == .ok && saved.object["ruleSaved"] as? Bool == true)
            // Every section of the course follows (sec-2 is the same course, another teacher's view).
            let admin = try await APIClient.signIn(client, "admin")
            let other = try await admin.call("/api/v1/sections/sec-2/grades")
            #expect((other.object["rule"] as? [String: Any])?["name"] as? String == "Share of competencies mastered")
            #expect(try await services.store.auditLog(limit: 5).contains { $0.action == "grades.rule" })

            // Strands weighed in the page's form: previewed, then saved with the rule.
            let frame = try await SectionFrame.load("sec-1", store: services.store)
            let strand = try #require(GradingService.weightedStrands(frame.curriculum).first).id.rawValue
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            _ = try await browser.get("/sections/sec-1/grades")
            let weighed = [("preset", "mean-level"), ("unassessed", "skip"), ("weight-\(strand)", "3")]
            let previewPage = try await browser.post("/sections/sec-1/grades/rule", weighed)
            #expect(previewPage.status == .ok && previewPage.body.contains("Strands weighted."))
            #expect(
                try await browser.post("/sections/sec-1/grades/rule", weighed + [("save", "1")]).status == .seeOther)
            let weighted = try await teacher.call("/api/v1/sections/sec-1/grades")
            #expect(
                ((weighted.object["rule"] as? [String: Any])?["strandWeights"] as? [String: Double])?[strand] == 3)
            let outOfRange = try await browser.post(
                "/sections/sec-1/grades/rule", [("preset", "mean-level"), ("weight-\(strand)", "500")])
            #expect(outOfRange.status == .unprocessableContent)
            _ = try await teacher.call(
                "/api/v1/sections/sec-1/grade-rule", method: .put, json: ["preset": "percent-mastered"])

            // A student with every academic competency at the top now has an A.
            let student = try #require(frame.students.first).id
            let academic = frame.curriculum.leafCompetencies.filter { $0.kind == .academic }
            _ = try await services.store.append(
                academic.flatMap { c in
                    (0..<12).map { _ in EvidenceDraft.record(student: student, competency: c.id, score: 4) }
                }, by: "p-teacher-1", at: TestSchool.now)
            let after = try await teacher.call("/api/v1/sections/sec-1/grades")
            #expect(Self.row(after, student.rawValue)?["grade"] as? String == "A")
            // Bad input is named and changes nothing.
            let bad = try await teacher.call(
                "/api/v1/sections/sec-1/grade-rule", method: .put,
                json: [
                    "rule": [
                        "name": "Mine", "tiers": [["grade": "A", "masteredShareAtLeast": 3]], "fallback": "F",
                        "unassessed": "skip", "strandWeights": [:],
                    ]
                ])
            #expect(bad.status == .unprocessableContent)
            let refused = try await teacher.call("/api/v1/sections/sec-1/grades?asOf=2026-13-01")
            #expect(refused.status == .unprocessableContent && refused.errorField == "asOf")
            #expect(try await teacher.call("/api/v1/sections/sec-1/grades?period=no-such").status == .notFound)
        }
    }

    @Test("An override needs a reason, shows as such, and is withdrawn; students and families cannot")
    func overrides() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let teacher = try await APIClient.signIn(client, "teacher")
            let first = try #require(Self.students(try await teacher.call("/api/v1/sections/sec-1/grades")).first)
            let student = try #require(first["studentId"] as? String)
            let computed = first["computedGrade"] as? String
            let noReason = try await teacher.call(
                "/api/v1/sections/sec-1/grades/overrides", method: .post,
                json: ["studentId": student, "grade": "A-", "reason": " "])
            #expect(noReason.status == .unprocessableContent)
            let made = try await teacher.call(
                "/api/v1/sections/sec-1/grades/overrides", method: .post,
                json: ["studentId": student, "grade": "A-", "reason": "Portfolio shows more than the checkpoints"])
            #expect(made.status == .created)
            let row = try #require(Self.row(made, student))
            #expect(row["grade"] as? String == "A-" && row["computedGrade"] as? String == computed)
            #expect(
                (row["override"] as? [String: Any])?["reason"] as? String == "Portfolio shows more than the checkpoints"
            )
            #expect(try await services.store.auditLog(limit: 5).contains { $0.action == "grades.override" })
            // The page says it is the teacher's judgement.
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let page = try await browser.get("/sections/sec-1/grades")
            #expect(
                page.status == .ok && page.body.contains("Teacher&#39;s judgement")
                    || page.body.contains("Teacher's judgement"))
            // Withdrawn: back to the rule's grade.
            let withdrawn = try await teacher.call(
                "/api/v1/sections/sec-1/grades/overrides", method: .post,
                json: ["studentId": student, "grade": NSNull(), "reason": "Back to the rule"])
            #expect(Self.row(withdrawn, student)?["grade"] as? String == computed)
            #expect(Self.row(withdrawn, student)?["override"] == nil)
            // A student of another section is refused; students, families and other teachers are not let in.
            let stranger = try #require(try await services.store.members(of: "sec-3", as: .student).first).id
            let wrong = try await teacher.call(
                "/api/v1/sections/sec-1/grades/overrides", method: .post,
                json: ["studentId": stranger.rawValue, "grade": "A", "reason": "Not mine"])
            #expect(wrong.status == .unprocessableContent)
            for username in ["student", "guardian", "teacher5"] {
                let api = try await APIClient.signIn(client, username)
                #expect(try await api.call("/api/v1/sections/sec-1/grades").status == .forbidden, "\(username)")
            }
        }
    }

    @Test("Closing a period freezes its grades; a later correction is flagged, never silently changing them")
    func closing() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let teacher = try await APIClient.signIn(client, "teacher")
            let q1 = try #require(try await store.gradingPeriods().first { $0.title == "Quarter 1" })
            let path = "/api/v1/sections/sec-1/grades?period=\(q1.id.rawValue)"
            let open = try await teacher.call(path)
            #expect((open.object["period"] as? [String: Any])?["id"] as? String == q1.id.rawValue)
            let low = try #require(
                Self.students(open).first { !["A", "B"].contains($0["grade"] as? String ?? "") }?["studentId"]
                    as? String)
            let closed = try await teacher.call(
                "/api/v1/sections/sec-1/grades/close", method: .post, json: ["periodId": q1.id.rawValue])
            #expect(closed.status == .created)
            let again = try await teacher.call(
                "/api/v1/sections/sec-1/grades/close", method: .post, json: ["periodId": q1.id.rawValue])
            #expect(again.status == .conflict)
            let onRecord = Self.row(try await teacher.call(path), low)?["grade"] as? String

            // Evidence observed in the first quarter, recorded now.
            let inQ1 = try #require(FormDates.parse(q1.endsOn)).addingTimeInterval(-3 * 86_400)
            let frame = try await SectionFrame.load("sec-1", store: store)
            _ = try await store.append(
                frame.curriculum.leafCompetencies.filter { $0.kind == .academic }.flatMap { c in
                    (0..<12).map { _ in
                        EvidenceDraft.record(student: Person.ID(low), competency: c.id, score: 4, observedAt: inQ1)
                    }
                }, by: "p-teacher-1", at: TestSchool.now)
            let later = try #require(Self.row(try await teacher.call(path), low))
            #expect(later["grade"] as? String == onRecord)
            #expect(later["computedGrade"] as? String != onRecord && later["changedSinceClosing"] as? Bool == true)
            // A closed period takes no override.
            let override = try await teacher.call(
                "/api/v1/sections/sec-1/grades/overrides", method: .post,
                json: ["studentId": low, "grade": "A", "reason": "Too late", "periodId": q1.id.rawValue])
            #expect(override.status == .conflict)

            // The family sees the closed period's report card; another family does not.
            let guardianPerson = try #require(try await store.credentials(username: "guardian")?.person)
            let child = try #require(try await store.children(ofGuardian: guardianPerson.id).first)
            var guardian = TestBrowser(client)
            _ = try await guardian.login("guardian")
            let cards = try await guardian.get("/students/\(child.id.rawValue)/report-cards")
            #expect(cards.status == .ok && cards.body.contains("Quarter 1"))
            let childInSection = frame.students.contains { $0.id == child.id }
            #expect(cards.body.contains("report-card") == childInSection)
            var stranger = TestBrowser(client)
            _ = try await stranger.login("teacher5")
            #expect(try await stranger.get("/students/\(child.id.rawValue)/report-cards").status == .forbidden)
            // The section's cards, one per student.
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let print = try await browser.get("/sections/sec-1/report-cards?period=\(q1.id.rawValue)")
            #expect(print.status == .ok)
            #expect(print.body.components(separatedBy: "class=\"card report-card\"").count - 1 == frame.students.count)
        }
    }

    @Test("A past date gives the grades as they stood, whatever was recorded since")
    func asOfDate() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let teacher = try await APIClient.signIn(client, "teacher")
            let yesterday = Section.isoDay(TestSchool.now.addingTimeInterval(-86_400))
            let before = try await teacher.call("/api/v1/sections/sec-1/grades?asOf=\(yesterday)")
            #expect(before.status == .ok && before.object["asOf"] as? String == yesterday)
            let target = try #require(Self.students(before).first { $0["grade"] as? String != "A" })
            let student = try #require(target["studentId"] as? String)
            let frame = try await SectionFrame.load("sec-1", store: services.store)
            _ = try await services.store.append(
                frame.curriculum.leafCompetencies.filter { $0.kind == .academic }.flatMap { c in
                    (0..<12).map { _ in EvidenceDraft.record(student: Person.ID(student), competency: c.id, score: 4) }
                }, by: "p-teacher-1", at: TestSchool.now)
            let now = try await teacher.call("/api/v1/sections/sec-1/grades")
            #expect(Self.row(now, student)?["grade"] as? String != target["grade"] as? String)
            // The gradebook itself, as it stood: the student's cells then, not now.
            func cells(_ result: APIClient.Result) -> [String] {
                (result.object["cells"] as? [[String: Any]] ?? []).filter { $0["studentId"] as? String == student }
                    .map { "\($0["competencyId"] ?? "")=\($0["value"] ?? "-")" }.sorted()
            }
            let pastBook = try await teacher.call("/api/v1/sections/sec-1/gradebook?asOf=\(yesterday)")
            let nowBook = try await teacher.call("/api/v1/sections/sec-1/gradebook")
            #expect(pastBook.status == .ok && cells(pastBook) != cells(nowBook))
            #expect(
                try await teacher.call("/api/v1/sections/sec-1/gradebook?asOf=soon").status == .unprocessableContent)
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let page = try await browser.get("/sections/sec-1?asOf=\(yesterday)")
            #expect(page.status == .ok && page.body.contains("As it stood at the end of"))
            let again = try await teacher.call("/api/v1/sections/sec-1/grades?asOf=\(yesterday)")
            #expect(Self.row(again, student)?["grade"] as? String == target["grade"] as? String)
            #expect(Self.row(again, student)?["explanation"] as? String == target["explanation"] as? String)
        }
    }

    @Test("A comment goes on the report card; the grades download as CSV; the district sets the default rule")
    func commentsCSVAndDistrictRule() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let teacher = try await APIClient.signIn(client, "teacher")
            let admin = try await APIClient.signIn(client, "admin")
            let q1 = try #require(try await services.store.gradingPeriods().first { $0.title == "Quarter 1" })
            let student = try #require(
                Self.students(try await teacher.call("/api/v1/sections/sec-1/grades")).first?["studentId"] as? String)
            let written = try await teacher.call(
                "/api/v1/sections/sec-1/grades/comments", method: .post,
                json: [
                    "studentId": student, "comment": "Asks sharp questions; =keep going", "periodId": q1.id.rawValue,
                ])
            #expect(written.status == .created)
            #expect(Self.row(written, student)?["comment"] as? String == "Asks sharp questions; =keep going")
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let cards = try await browser.get("/sections/sec-1/report-cards?period=\(q1.id.rawValue)")
            #expect(cards.body.contains("Teacher&#39;s comment") || cards.body.contains("Teacher's comment"))
            #expect(cards.body.contains("Asks sharp questions"))
            // The plain CSV: one row per student, a formula-looking comment defused for spreadsheets.
            let csv = try await browser.get("/sections/sec-1/grades.csv?period=\(q1.id.rawValue)")
            #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let lines = csv.body.split(separator: "\r\n")
            #expect(lines.first?.hasPrefix("student_id,sourced_id,student,grade,computed_grade") == true)
            #expect(lines.count == 26)
            var family = TestBrowser(client)
            _ = try await family.login("guardian")
            #expect(try await family.get("/sections/sec-1/grades.csv").status == .forbidden)
            // Closed: the card is final, no more comments.
            _ = try await teacher.call(
                "/api/v1/sections/sec-1/grades/close", method: .post, json: ["periodId": q1.id.rawValue])
            let late = try await teacher.call(
                "/api/v1/sections/sec-1/grades/comments", method: .post,
                json: ["studentId": student, "comment": "later", "periodId": q1.id.rawValue])
            #expect(late.status == .conflict)

            // The district's rule is what a course without its own follows; teachers cannot set it.
            let rule: [String: Any] = [
                "name": "District pass/fail", "tiers": [["grade": "P", "meanAtLeast": 2.5]], "fallback": "NP",
                "unassessed": "skip", "strandWeights": [String: Double](),
            ]
            #expect(
                try await teacher.call("/api/v1/grade-rule", method: .put, json: ["rule": rule]).status == .forbidden)
            #expect(try await admin.call("/api/v1/grade-rule", method: .put, json: ["rule": rule]).status == .ok)
            let now = try await teacher.call("/api/v1/sections/sec-1/grades")
            #expect((now.object["rule"] as? [String: Any])?["name"] as? String == "District pass/fail")
            #expect(Self.students(now).allSatisfy { ["P", "NP", nil].contains($0["grade"] as? String) })

            // An administrator adds a period by hand; a period that ends before it starts is refused, naming why.
            var office = TestBrowser(client)
            _ = try await office.login("admin")
            _ = try await office.get("/admin/grading-periods")
            let refused = try await office.post(
                "/admin/grading-periods",
                [("title", "Summer"), ("kind", "term"), ("startsOn", "2027-07-01"), ("endsOn", "2027-06-01")])
            #expect(refused.status == .unprocessableContent && refused.body.contains("before it starts"))
            let added = try await office.post(
                "/admin/grading-periods",
                [("title", "Summer"), ("kind", "term"), ("startsOn", "2027-06-01"), ("endsOn", "2027-07-31")])
            #expect(added.status == .seeOther)
            #expect(try await services.store.gradingPeriods().contains { $0.title == "Summer" && $0.kind == "term" })
            #expect(try await browser.get("/admin/grading-periods").status == .forbidden)
        }
    }
}
