import Foundation
import MasteryCore
import MasteryInterop
import Testing
import ZIPFoundation

/// A small, clean OneRoster 1.1 package written for these tests: one school, two terms, a course, two
/// classes, a teacher, two students (one with a guardian) and their enrollments.
enum MiniRoster {
    static let manifest = #"""
        propertyName,value
        manifest.version,1.0
        oneroster.version,1.1
        file.orgs,bulk
        file.academicSessions,bulk
        file.courses,bulk
        file.classes,bulk
        file.users,bulk
        file.enrollments,bulk
        file.demographics,absent
        source.systemName,Test SIS

        """#
    static let orgs = #"""
        sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId
        dist-1,,,North District,district,,
        sch-1,active,2026-08-01T10:00:00Z,North Middle,school,NM,dist-1

        """#
    static let sessions = #"""
        sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear
        t-1,,,Fall 2026,term,2026-09-01,2027-01-31,,2027
        t-2,,,Spring 2027,term,2027-02-01,2027-06-30,,2027

        """#
    static let courses = #"""
        sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes
        c-1,,,,Math 7,M7,07,sch-1,Math,

        """#
    // Columns in a non-standard order, a quoted multi-line location and a quoted title with a comma.
    static let classes = #"""
        sourcedId,title,courseSourcedId,status,dateLastModified,classCode,classType,location,schoolSourcedId,termSourcedIds
        k-1,"Math 7, Period 1",c-1,,,P1,scheduled,"Room 12
        (north wing)",sch-1,"t-1,t-2"
        k-2,Math 7 Period 2,c-1,,,,scheduled,,sch-1,t-1

        """#
    static let users = #"""
        sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,metadata.nickname
        u-t,,,TRUE,sch-1,teacher,tia,{LDAP:1},Tia,Núñez,,,,,,,,secret,T
        u-a,,,true,sch-1,student,ann,,"Ann ""Annie""",O'Neil,,,,,,u-g,07,,
        u-b,,,true,sch-1,student,ben,,Ben,Okafor,,,,,,,07,,
        u-g,,,true,sch-1,parent,gus,,Gus,O'Neil,,,,,,u-a,,,

        """#
    static let enrollments = #"""
        sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate
        e-1,,,k-1,sch-1,u-t,teacher,true,,
        e-2,,,k-1,sch-1,u-a,student,false,,
        e-3,,,k-1,sch-1,u-b,student,false,,
        e-4,,,k-2,sch-1,u-t,teacher,true,,
        e-5,,,k-2,sch-1,u-b,student,false,,

        """#

    static func files(_ changes: [String: String] = [:]) -> [String: Data] {
        var texts = [
            "manifest.csv": manifest, "orgs.csv": orgs, "academicSessions.csv": sessions, "courses.csv": courses,
            "classes.csv": classes, "users.csv": users, "enrollments.csv": enrollments,
        ]
        for (name, text) in changes { texts[name] = text }
        return texts.mapValues { Data($0.utf8) }
    }

    static func package(_ changes: [String: String] = [:]) -> OneRosterPackage {
        OneRosterPackage(files: files(changes))
    }

    /// The problems of a package that must be refused.
    static func refusal(_ package: OneRosterPackage, existing: [RosterImport.Kind: Set<String>] = [:]) -> [String] {
        do {
            _ = try OneRosterReader(existing: existing).read(package)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }
}

@Suite("OneRoster reader")
struct OneRosterReaderTests {
    @Test("A clean 1.1 package reads into Masterly's vocabulary, by header name")
    func cleanPackage() throws {
        let (roster, warnings) = try OneRosterReader().read(MiniRoster.package())
        #expect(
            warnings.map(\.description) == [
                "warning: users.csv:1: metadata.nickname: extension column; kept as pass-through metadata, not interpreted"
            ])
        #expect(roster.mode(.people) == .bulk)
        #expect(roster.organizations.map(\.kind) == [.district, .school])
        #expect(roster.sections.map(\.name) == ["Math 7, Period 1 (P1)", "Math 7 Period 2"])
        #expect(roster.sections[0].termSourcedIDs == ["t-1", "t-2"])
        let ann = try #require(roster.people.first { $0.origin.sourcedID == "u-a" })
        #expect(ann.givenName == "Ann \"Annie\"" && ann.familyName == "O'Neil" && ann.role == .student)
        #expect(ann.gradeLevel == "07" && ann.agentSourcedIDs == ["u-g"])
        // The record after the multi-line class starts on its physical line.
        #expect(roster.sections[1].origin.line == 4)
        #expect(roster.people.first { $0.origin.sourcedID == "u-g" }?.role == .guardian)
        #expect(roster.people.first { $0.origin.sourcedID == "u-t" }?.familyName == "Núñez")
        #expect(roster.enrollments.map(\.role) == [.teacher, .student, .student, .teacher, .student])
    }

    @Test("A byte-order mark and CRLF line ends read the same")
    func byteOrderMarkAndCRLF() throws {
        var files = MiniRoster.files()
        for (name, data) in files {
            let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n")
            files[name] = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        }
        let (roster, _) = try OneRosterReader().read(OneRosterPackage(files: files))
        #expect(roster.people.count == 4 && roster.enrollments.count == 5)
        #expect(roster.organizations.first?.origin.sourcedID == "dist-1")
    }

    @Test("A zip reads the same whether its files are at the root or in one folder")
    func zipArchives() throws {
        for folder in ["", "export-2026/"] {
            let archive = try Archive(accessMode: .create)
            for (name, data) in MiniRoster.files().sorted(by: { $0.key < $1.key }) {
                try archive.addEntry(
                    with: folder + name, type: .file, uncompressedSize: Int64(data.count),
                    compressionMethod: .deflate
                ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
            }
            let zipped = try #require(archive.data)
            let (roster, _) = try OneRosterReader().read(try OneRosterPackage(zip: zipped))
            #expect(roster.people.count == 4, "folder '\(folder)'")
        }
        #expect(throws: ImportError.self) { try OneRosterPackage(zip: Data("not a zip".utf8)) }
    }

    @Test("Errors are all reported, each with its file, line and field")
    func errorsAreLocated() {
        let users = MiniRoster.users.replacingOccurrences(of: "u-b,,,true", with: "u-a,,,true")
            .replacingOccurrences(of: "u-g,,,true", with: "u-g,,1/05/2023,maybe")
        let enrollments = MiniRoster.enrollments.replacingOccurrences(
            of: "e-5,,,k-2,sch-1,u-b", with: "e-5,,,k-9,sch-1,u-z")
        let sessions = MiniRoster.sessions.replacingOccurrences(of: ",,2027\n", with: ",,\n")
        #expect(
            MiniRoster.refusal(
                MiniRoster.package([
                    "users.csv": users, "enrollments.csv": enrollments, "academicSessions.csv": sessions,
                ])) == [
                    "academicSessions.csv:2: schoolYear: required value is empty",
                    "academicSessions.csv:3: schoolYear: required value is empty",
                    "warning: users.csv:1: metadata.nickname: extension column; kept as pass-through metadata, not interpreted",
                    "users.csv:4: sourcedId: duplicate sourcedId 'u-a' (first at line 3)",
                    "users.csv:5: dateLastModified: '1/05/2023' is not a date-time (expected YYYY-MM-DDThh:mm:ss[.sss]Z)",
                    "users.csv:5: enabledUser: 'maybe' is not true or false",
                    "enrollments.csv:4: userSourcedId: unknown user 'u-b' (not in users.csv)",
                    "enrollments.csv:6: classSourcedId: unknown class 'k-9' (not in classes.csv)",
                    "enrollments.csv:6: userSourcedId: unknown user 'u-z' (not in users.csv)",
                ])
    }

    @Test("Header problems: a missing required column, an empty name, a ragged row, a misspelt column")
    func headerProblems() {
        let courses = """
            sourcedId,status,dateLastModified,title,courseCode,orgSourcedId,subjekts,
            c-1,,,Math 7,M7,sch-1,Math

            """
        let classes = MiniRoster.classes.replacingOccurrences(of: ",classType,", with: ",kind,")
        let problems = MiniRoster.refusal(MiniRoster.package(["courses.csv": courses, "classes.csv": classes]))
        #expect(problems.contains("courses.csv:1: column 8: empty column name"))
        #expect(problems.contains("courses.csv:2: row: 7 fields but the header has 8"))
        #expect(
            problems.contains(
                "warning: courses.csv:1: subjekts: unknown column (did you mean subjects?); treated as an extension column, ignored"
            ))
        #expect(problems.contains("classes.csv:1: classType: required column missing from header"))
    }

    @Test("A delta package may refer to records already in the database, and needs status and dates")
    func deltaReferences() throws {
        let manifest = """
            propertyName,value
            manifest.version,1.0
            oneroster.version,1.1
            file.enrollments,delta

            """
        let enrollments = """
            sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role
            e-9,active,2026-10-01T08:00:00Z,k-1,sch-1,u-b,student
            e-2,tobedeleted,2026-10-01T08:00:00Z,k-1,sch-1,u-a,student

            """
        let package = OneRosterPackage(files: [
            "manifest.csv": Data(manifest.utf8), "enrollments.csv": Data(enrollments.utf8),
        ])
        let existing: [RosterImport.Kind: Set<String>] = [
            .organizations: ["sch-1"], .sections: ["k-1"], .people: ["u-a", "u-b"],
        ]
        let (roster, warnings) = try OneRosterReader(existing: existing).read(package)
        #expect(warnings.isEmpty)
        #expect(roster.mode(.enrollments) == .delta && roster.mode(.people) == .absent)
        #expect(roster.enrollments.map(\.origin.deleted) == [false, true])
        #expect(
            MiniRoster.refusal(package, existing: [.organizations: ["sch-1"], .sections: ["k-1"], .people: ["u-a"]])
                == [
                    "enrollments.csv:2: userSourcedId: unknown user 'u-b' (users.csv declared absent and not in the database)"
                ])
        let undated = enrollments.replacingOccurrences(of: "e-9,active,2026-10-01T08:00:00Z", with: "e-9,,")
        #expect(
            MiniRoster.refusal(
                OneRosterPackage(files: ["manifest.csv": Data(manifest.utf8), "enrollments.csv": Data(undated.utf8)]),
                existing: existing) == [
                    "enrollments.csv:2: status: required in a delta file but empty",
                    "enrollments.csv:2: dateLastModified: required in a delta file but empty",
                ])
    }

    @Test("Lenient readings are warnings: enumeration case, a space in a date-time, a date alone, a role mismatch")
    func lenientReadings() throws {
        let orgs = MiniRoster.orgs.replacingOccurrences(
            of: "2026-08-01T10:00:00Z,North Middle,school", with: "2026-08-01 10:00:00,North Middle,School")
        let classes = MiniRoster.classes.replacingOccurrences(
            of: "k-2,Math 7 Period 2,c-1,,,", with: "k-2,Math 7 Period 2,c-1,,2026-08-02,")
        let enrollments = MiniRoster.enrollments.replacingOccurrences(
            of: "e-5,,,k-2,sch-1,u-b,student", with: "e-5,,,k-2,sch-1,u-b,teacher")
        let (roster, warnings) = try OneRosterReader().read(
            MiniRoster.package(["orgs.csv": orgs, "classes.csv": classes, "enrollments.csv": enrollments]))
        let texts = warnings.map(\.description)
        #expect(
            texts.contains(
                "warning: orgs.csv:3: type: 'School' read as 'school' (enumeration values are case-sensitive)"))
        #expect(
            texts.contains(
                "warning: orgs.csv:3: dateLastModified: '2026-08-01 10:00:00' is not ISO 8601 (space instead of 'T'); read as 2026-08-01T10:00:00Z"
            ))
        #expect(
            texts.contains(
                "warning: classes.csv:4: dateLastModified: '2026-08-02' is a date without a time; read as 2026-08-02T00:00:00Z"
            ))
        #expect(
            texts.contains(
                "warning: enrollments.csv:6: role: user 'u-b' is student in users.csv but enrolled as teacher in class 'k-2'"
            ))
        #expect(roster.organizations[1].kind == .school)
    }

    @Test("OneRoster 1.2 takes roles from roles.csv; a user without one is an error")
    func roles12() throws {
        let manifest =
            MiniRoster.manifest.replacingOccurrences(of: "oneroster.version,1.1", with: "oneroster.version,1.2")
            + "file.roles,bulk\n"
        let users = """
            sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,preferredGivenName,primaryOrgSourcedId
            u-t,,,true,tia,Tia,Núñez,,sch-1
            u-a,,,true,ann,Ann,O'Neil,Annie,
            u-b,,,true,ben,Ben,Okafor,,
            u-g,,,true,gus,Gus,O'Neil,,

            """
        let roles = """
            sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId
            r-1,,,u-t,primary,teacher,sch-1
            r-2,,,u-a,secondary,counselor,sch-1
            r-3,,,u-a,primary,student,sch-1
            r-4,,,u-g,primary,guardian,sch-1

            """
        let package = MiniRoster.package(["manifest.csv": manifest, "users.csv": users, "roles.csv": roles])
        #expect(MiniRoster.refusal(package) == ["users.csv:4: role: no role for this user in roles.csv"])
        let complete = roles + "r-5,,,u-b,primary,student,sch-1\n"
        let (roster, _) = try OneRosterReader().read(
            MiniRoster.package(["manifest.csv": manifest, "users.csv": users, "roles.csv": complete]))
        let ann = try #require(roster.people.first { $0.origin.sourcedID == "u-a" })
        #expect(ann.role == .student && ann.givenName == "Annie" && ann.organizationSourcedID == "sch-1")
    }

    @Test("A package without a manifest, or with an unsupported version, is refused")
    func manifestProblems() {
        var files = MiniRoster.files()
        files["manifest.csv"] = nil
        #expect(
            MiniRoster.refusal(OneRosterPackage(files: files)).first == "manifest.csv:1: file: manifest.csv is missing")
        let old = MiniRoster.manifest.replacingOccurrences(of: "oneroster.version,1.1", with: "oneroster.version,1.0")
        #expect(
            MiniRoster.refusal(MiniRoster.package(["manifest.csv": old])).first
                == "manifest.csv:3: oneroster.version: unsupported or missing OneRoster version '1.0' (expected 1.1 or 1.2)"
        )
        let missing = MiniRoster.manifest + "file.roles,bulk\n"
        #expect(
            MiniRoster.refusal(
                MiniRoster.package(["manifest.csv": missing.replacingOccurrences(of: "1.1", with: "1.2")])
            )
            .contains("manifest.csv:12: file.roles: declared bulk but roles.csv is not in the package"))
    }
}
