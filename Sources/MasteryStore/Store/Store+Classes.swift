import Foundation
import MasteryCore
import SQLKit

/// Courses, sections and enrolments made in Masterly, for schools without a student information system.
/// (A roster import manages only what carries a `sourcedId`; these have none, so it never removes them.)
/// Every change is audited.
extension Store {
    /// A new course in `school`; a code the school already uses is a conflict.
    public func createCourse(
        code: String, title: String, school: Organization.ID, by actor: Person.ID, at now: Date
    ) async throws -> Course.ID {
        let id = Course.ID("course-\(Self.shortID())")
        try await driver.withTransaction { db in
            if try await db.raw(
                "SELECT 1 AS found FROM courses WHERE school_id = \(bind: school.rawValue) AND code = \(bind: code)"
            ).first() != nil {
                throw StoreError.conflict("The school has a course with the code \(code) already.")
            }
            try await db.insertRows(
                "courses", columns: ["id", "school_id", "code", "title"],
                rows: [[id.rawValue, school.rawValue, code, title]])
            try await Self.audit(
                db, at: now, actor: actor, action: "course.create", student: nil, subject: "course \(code)",
                detail: title, organization: school)
        }
        return id
    }

    /// A new section of `course`, in the course's school; `endsOn` (ISO date) is the last day of its term.
    public func createSection(
        course: Course.ID, name: String, term: String, endsOn: String? = nil, by actor: Person.ID, at now: Date
    ) async throws -> Section.ID {
        let id = Section.ID("sec-\(Self.shortID())")
        try await driver.withTransaction { db in
            guard
                let school = try await db.raw("SELECT school_id FROM courses WHERE id = \(bind: course.rawValue)")
                    .first()?.string("school_id")
            else { throw StoreError.notFound(kind: "course", id: course.rawValue) }
            try await db.insertRows(
                "sections", columns: ["id", "course_id", "school_id", "name", "term", "ends_on"],
                rows: [[id.rawValue, course.rawValue, school, name, term, endsOn]])
            try await Self.audit(
                db, at: now, actor: actor, action: "section.create", student: nil, subject: "section \(name)",
                detail: "course \(course.rawValue), term \(term)", organization: Organization.ID(school))
        }
        return id
    }

    /// Enrols a person as teacher or student (again: no change). Returns whether it was new.
    @discardableResult
    public func enrol(
        _ person: Person.ID, in section: Section.ID, as role: Enrollment.Role, by actor: Person.ID, at now: Date
    ) async throws -> Bool {
        try await driver.withTransaction { db in
            if try await db.raw(
                """
                SELECT 1 AS found FROM enrollments WHERE section_id = \(bind: section.rawValue) \
                AND person_id = \(bind: person.rawValue)
                """
            ).first() != nil {
                return false
            }
            try await db.insertRows(
                "enrollments", columns: ["section_id", "person_id", "role"],
                rows: [[section.rawValue, person.rawValue, role.rawValue]])
            try await Self.audit(
                db, at: now, actor: actor, action: "section.enrol", student: role == .student ? person : nil,
                subject: "section \(section.rawValue)", detail: "\(role.rawValue) \(person.rawValue)",
                organization: nil)
            return true
        }
    }

    /// Ends a person's enrolment in a section; their evidence stays.
    public func unenrol(_ person: Person.ID, from section: Section.ID, by actor: Person.ID, at now: Date) async throws {
        try await driver.withTransaction { db in
            try await db.raw(
                """
                DELETE FROM enrollments WHERE section_id = \(bind: section.rawValue) \
                AND person_id = \(bind: person.rawValue)
                """
            ).run()
            try await Self.audit(
                db, at: now, actor: actor, action: "section.unenrol", student: person,
                subject: "section \(section.rawValue)", detail: "\(person.rawValue) left the section",
                organization: nil)
        }
    }

    /// The sections of a course, by name.
    public func sections(ofCourse course: Course.ID) async throws -> [Section] {
        try await driver.withConnection { db in
            try await db.raw("SELECT * FROM sections WHERE course_id = \(bind: course.rawValue) ORDER BY name")
                .all().map(Rows.section)
        }
    }
}
