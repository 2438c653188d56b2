import Foundation
import Hummingbird
import HummingbirdTesting
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

@Suite("CSV exports")
struct ExportTests {
    @Test("A student downloads their mastery report; another student's is refused")
    func masteryReport() async throws {
        try await withApp { client, services in
            var browser = TestBrowser(client)
            _ = try await browser.login("student")
            let student = try #require(try await services.store.credentials(username: "student")?.person)
            let report = try await browser.get("/students/\(student.id.rawValue)/mastery.csv")
            #expect(report.status == .ok && report.headers[.contentType]?.hasPrefix("text/csv") == true)
            let lines = report.body.split(separator: "\r\n")
            #expect(lines.first == Substring(MasteryReportCSVHeader.line))
            let sections = try await services.store.sections(of: student.id, as: .student)
            var expected = 0
            for section in sections {
                let course = try #require(try await services.store.course(section.courseID))
                expected += try await services.store.curriculum(course: course.id).competencies.count
            }
            #expect(lines.count - 1 == expected)
            #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(Substring(student.id.rawValue + ",")) })
            let home = try await browser.get("/")
            #expect(home.body.contains("/students/\(student.id.rawValue)/mastery.csv"))
            let classmates = try await services.store.members(of: sections[0].id, as: .student)
            let other = try #require(classmates.first { $0.id != student.id })
            #expect(try await browser.get("/students/\(other.id.rawValue)/mastery.csv").status == .forbidden)
        }
    }
}

enum MasteryReportCSVHeader {
    static let line =
        "student_id,student,section,course,framework,strand,competency_code,competency,kind,value,level,mastered,"
        + "evidence_count,last_observed,method"
}
