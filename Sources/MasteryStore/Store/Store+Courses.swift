import Foundation
import MasteryCore
import SQLKit

/// Courses as a school runs them: listing and finding them, the frameworks (and strands) each assesses, and
/// whether a school lets the teachers of a course choose that.
extension Store {
    public func courses(schools: [Organization.ID]? = nil) async throws -> [Course] {
        let ids: [Course.ID] = try await driver.withConnection { db in
            var sql: SQLQueryString = "SELECT id FROM courses"
            if let schools {
                guard !schools.isEmpty else { return [] }
                sql = "\(sql) WHERE school_id IN (\(binds: schools.map(\.rawValue)))"
            }
            return try await db.raw("\(sql) ORDER BY code, id").all().map { Course.ID(try $0.string("id")) }
        }
        var courses: [Course] = []
        for id in ids { if let course = try await course(id) { courses.append(course) } }
        return courses
    }

    /// A course by id or OneRoster `sourcedId`.
    public func course(identifiedBy text: String) async throws -> Course? {
        if let course = try await course(Course.ID(text)) { return course }
        let id = try await driver.withConnection { db in
            try await db.raw("SELECT id FROM courses WHERE sourced_id = \(bind: text)").first().map {
                try $0.string("id")
            }
        }
        return try await id.asyncMap { try await course(Course.ID($0)) } ?? nil
    }

    /// A framework by id, code, or source identifier (a CASE identifier).
    public func framework(identifiedBy text: String) async throws -> Framework? {
        let frameworks = try await frameworks()
        return frameworks.first { $0.id.rawValue == text } ?? frameworks.first { $0.sourceIdentifier == text }
            ?? frameworks.first { $0.code == text }
    }

    /// Sets the frameworks a course assesses (in order), and when `strands` is given the strands it keeps of
    /// them (none of a framework's: all of it); the gradebooks follow at once. Audited.
    public func setFrameworks(
        _ frameworks: [Framework.ID], strands: [Strand.ID]? = nil, of course: Course.ID, by actor: Person.ID,
        at now: Date
    ) async throws {
        try await driver.withTransaction { db in
            guard
                let row = try await db.raw("SELECT school_id, code FROM courses WHERE id = \(bind: course.rawValue)")
                    .first()
            else { throw StoreError.notFound(kind: "course", id: course.rawValue) }
            try await db.raw("DELETE FROM course_frameworks WHERE course_id = \(bind: course.rawValue)").run()
            try await db.insertRows(
                "course_frameworks", columns: ["course_id", "framework_id", "position"],
                rows: frameworks.enumerated().map { [course.rawValue, $1.rawValue, $0] })
            if let strands {
                try await db.raw("DELETE FROM course_strands WHERE course_id = \(bind: course.rawValue)").run()
                try await db.insertRows(
                    "course_strands", columns: ["course_id", "strand_id"],
                    rows: Array(Set(strands)).sorted { $0.rawValue < $1.rawValue }.map {
                        [course.rawValue, $0.rawValue]
                    })
            }
            let strandText =
                strands.map { $0.isEmpty ? "; all strands" : "; strands " + $0.map(\.rawValue).joined(separator: ", ") }
                ?? ""
            try await Self.audit(
                db, at: now, actor: actor, action: "course.frameworks", student: nil,
                subject: "course \(try row.string("code"))",
                detail: (frameworks.isEmpty ? "no frameworks" : frameworks.map(\.rawValue).joined(separator: ", "))
                    + strandText,
                organization: Organization.ID(try row.string("school_id")))
        }
    }

    /// Whether the teachers of a school's courses choose the frameworks their courses assess; audited.
    public func setTeachersChooseFrameworks(
        _ allowed: Bool, school: Organization.ID, by actor: Person.ID, at now: Date
    ) async throws {
        try await driver.withTransaction { db in
            try await db.raw(
                "UPDATE organizations SET teachers_choose_frameworks = \(bind: allowed ? 1 : 0) WHERE id = \(bind: school.rawValue)"
            ).run()
            try await Self.audit(
                db, at: now, actor: actor, action: "school.settings", student: nil,
                subject: "school \(school.rawValue)",
                detail: allowed ? "teachers choose their courses' frameworks" : "only administrators choose frameworks",
                organization: school)
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
