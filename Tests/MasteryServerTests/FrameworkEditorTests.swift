import Foundation
import Hummingbird
import HummingbirdTesting
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

@Suite("Framework editor")
struct FrameworkEditorTests {
    /// A framework of its own (so editing it never touches what other tests read).
    static func framework(_ store: Store) async throws -> Framework.ID {
        let tag = UUID().uuidString.lowercased()
        var package = FrameworkPackage(
            sourceIdentifier: "test-\(tag)", code: "ED\(tag.prefix(4))", title: "Editor test")
        package.strands = [.init(sourceIdentifier: "s-\(tag)", code: "S", title: "Strand", position: 0)]
        package.competencies = ["A", "B", "C"].enumerated().map { index, code in
            .init(
                sourceIdentifier: "\(code)-\(tag)", code: code, title: "I can \(code)", position: index,
                strandKey: "s-\(tag)")
        }
        package.prerequisites = [Prerequisite(prerequisite: "A-\(tag)", competency: "B-\(tag)")]
        return try await store.apply(package, by: "system:test", at: TestSchool.now).framework
    }

    @Test("A teacher changes the policy and the scale, adds a competency with its statements, sets prerequisites")
    func editing() async throws {
        try await withApp { client, services in
            let store = services.store
            let id = try await Self.framework(store)
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            let page = try await teacher.get("/frameworks/\(id.rawValue)")
            #expect(page.status == .ok && page.body.contains("id=\"framework-form\"") && page.body.contains("Needs: A"))
            let base = "/frameworks/\(id.rawValue)"
            #expect(
                try await teacher.post(
                    base, [("code", "EDX"), ("title", "Edited"), ("method", "highest"), ("minimum", "2")]
                )
                .status == .seeOther)
            let edited = try #require(try await store.frameworks().first { $0.id == id })
            #expect(
                edited.title == "Edited" && edited.policy.method.kind == .highest && edited.policy.minimumEvidence == 2)
            let bad = try await teacher.post(base, [("method", "decaying-average"), ("parameter", "150")])
            #expect(bad.status == .unprocessableContent && bad.body.contains("decaying-average"))
            #expect(
                try await teacher.post(
                    "\(base)/scale", [("level-3-label", "Secure"), ("threshold", "3")]
                ).status == .seeOther)
            let curriculum = try await store.curriculum(frameworks: [id])
            #expect(curriculum.scales[edited.scaleID]?.levels.first { $0.value == 3 }?.label == "Secure")
            let strand = try #require(curriculum.strands.first)
            #expect(
                try await teacher.post(
                    "\(base)/competencies",
                    [
                        ("strand", strand.id.rawValue), ("code", "D"), ("title", "I can D"), ("kind", "habit"),
                        ("indicator-\(DisplayRounding.text(1))", "I can start D"),
                        ("indicator-\(DisplayRounding.text(4))", "I can teach D"),
                    ]
                ).status == .seeOther)
            let added = try #require(try await store.curriculum(frameworks: [id]).competencies.first { $0.code == "D" })
            #expect(added.kind == .habit)
            #expect(try await store.curriculum(frameworks: [id]).indicator(for: added.id, level: 4) == "I can teach D")
            let a = try #require(curriculum.competencies.first { $0.code == "A" })
            let b = try #require(curriculum.competencies.first { $0.code == "B" })
            let cycle = try await teacher.post(
                "\(base)/competencies/\(a.id.rawValue)/prerequisites", [("prerequisite", b.id.rawValue)])
            #expect(cycle.status == .unprocessableContent && cycle.body.contains("A → B → A"))
            #expect(
                try await teacher.post(
                    "\(base)/competencies/\(added.id.rawValue)/prerequisites", [("prerequisite", b.id.rawValue)]
                )
                .status == .seeOther)
            #expect(
                try await store.prerequisites(frameworks: [id]).contains {
                    $0.competency == added.id && $0.prerequisite == b.id
                })
        }
    }

    @Test("The scale editor renames, recolours, adds and removes levels; evidence keeps the levels it needs")
    func scaleEditor() async throws {
        try await withApp { client, services in
            let store = services.store
            let id = try await Self.framework(store)
            let framework = try #require(try await store.frameworks().first { $0.id == id })
            let competency = try #require(try await store.curriculum(frameworks: [id]).competencies.first)
            let teacherID = try #require(try await store.credentials(username: "teacher")?.person.id)
            let school = try #require(try await store.organizations().first { $0.kind == .school })
            let learner = try #require(try await store.people(in: school.id, role: .student).last)
            try await store.append(
                [.record(student: learner.id, competency: competency.id, score: 4)], by: teacherID, at: TestSchool.now)
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            let base = "/frameworks/\(id.rawValue)/scale"
            let page = try await teacher.get("/frameworks/\(id.rawValue)")
            #expect(page.body.contains("name=\"level-4-colour\"") && page.body.contains("name=\"new-value\""))
            func levels() async throws -> [ProficiencyLevel] {
                try #require(try await store.scale(framework.scaleID)).levels
            }
            // Add a level 5, rename and recolour level 1.
            let added = try await teacher.post(
                base,
                [
                    ("level-1-label", "Starting"), ("level-1-colour", "#ABC"), ("new-value", "5"),
                    ("new-label", "Expert"), ("new-colour", "#1f7a4d"),
                ])
            #expect(added.status == .seeOther)
            var now = try await levels()
            #expect(now.map(\.value) == [1, 2, 3, 4, 5])
            #expect(now.first?.label == "Starting" && now.first?.colour == "#aabbcc")
            #expect(now.last?.label == "Expert" && now.last?.colour == "#1f7a4d")
            // Each refusal names the field, and changes nothing.
            let refusals: [([(String, String)], String)] = [
                ([("level-2-colour", "red;position:fixed")], "level 2's colour"),
                ([("level-3-label", "  ")], "level 3 needs a label"),
                ([("new-value", "lots"), ("new-label", "More"), ("new-colour", "#ffffff")], "'lots' is not a number"),
                ([("new-value", "3"), ("new-label", "Again"), ("new-colour", "#ffffff")], "share the value 3"),
                ([("level-4-remove", "1"), ("level-5-remove", "1"), ("threshold", "3")], "evidence already scores 4"),
            ]
            for (fields, message) in refusals {
                let refused = try await teacher.post(base, fields)
                #expect(refused.status == .unprocessableContent, "\(fields)")
                #expect(refused.body.contains(message), "\(fields) → \(message)")
                #expect(try await levels() == now)
            }
            // Level 5 has no evidence above it, so it can go again; level 4's evidence keeps level 4.
            #expect(try await teacher.post(base, [("level-5-remove", "1")]).status == .seeOther)
            now = try await levels()
            #expect(now.map(\.value) == [1, 2, 3, 4])
            let record = try await store.records(student: learner.id)[competency.id]
            #expect(record?.levelValue == 4)
        }
    }

    @Test("A framework other schools' courses use is changed only by an administrator for all of them")
    func sharedFramework() async throws {
        try await withApp { client, services in
            let store = services.store
            let shared = try #require(try await store.frameworks().first { $0.code == "MATH" })
            #expect(try await store.schools(usingFramework: shared.id).count == 2)
            let base = "/frameworks/\(shared.id.rawValue)"
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            let page = try await teacher.get(base)
            #expect(page.status == .ok && !page.body.contains("id=\"framework-form\""))
            #expect(page.body.contains("Riverbend Middle School use this framework too"))
            // Nothing that changes mastery elsewhere; tasks stay open to the teacher.
            #expect(try await teacher.post(base, [("method", "highest")]).status == .forbidden)
            #expect(try await teacher.post("\(base)/scale", [("threshold", "2")]).status == .forbidden)
            #expect(try await teacher.post("\(base)/strands", [("title", "New")]).status == .forbidden)
            #expect(
                try await teacher.post("\(base)/competencies", [("title", "x"), ("code", "X")]).status == .forbidden)
            #expect(try await store.frameworks().first { $0.id == shared.id }?.policy == shared.policy)
            #expect(try await teacher.get("\(base)/tasks/new").status == .ok)
            // The district's administrator manages every school using it.
            var admin = TestBrowser(client)
            _ = try await admin.login("admin")
            #expect(try await admin.get(base).body.contains("id=\"framework-form\""))
        }
    }

    @Test("The task builder makes a rubric aligned to competencies; students may read frameworks but not change them")
    func tasksAndRights() async throws {
        try await withApp { client, services in
            let store = services.store
            let id = try await Self.framework(store)
            let curriculum = try await store.curriculum(frameworks: [id])
            let a = try #require(curriculum.competencies.first { $0.code == "A" })
            var teacher = TestBrowser(client)
            _ = try await teacher.login("teacher")
            #expect(try await teacher.get("/frameworks/\(id.rawValue)/tasks/new").status == .ok)
            let saved = try await teacher.post(
                "/frameworks/\(id.rawValue)/tasks",
                [
                    ("title", "Poster"), ("details", "Make a poster"), ("criterion-0", "Accuracy"),
                    ("competency-0", a.id.rawValue),
                    ("descriptor-0-\(DisplayRounding.text(1))", "Some errors"),
                    ("descriptor-0-\(DisplayRounding.text(4))", "Flawless and explained"),
                ])
            #expect(saved.status == .seeOther)
            let task = try #require(try await store.tasks(framework: id).first { $0.title == "Poster" })
            #expect(task.criteria.count == 1 && task.criteria[0].competencyID == a.id)
            #expect(task.criteria[0].descriptors.first { $0.levelValue == 4 }?.text == "Flawless and explained")
            let missing = try await teacher.post("/frameworks/\(id.rawValue)/tasks", [("title", "Empty")])
            #expect(missing.status == .unprocessableContent)
            var student = TestBrowser(client)
            _ = try await student.login("student")
            let view = try await student.get("/frameworks/\(id.rawValue)")
            #expect(view.status == .ok && !view.body.contains("id=\"framework-form\""))
            #expect(try await student.post("/frameworks/\(id.rawValue)", [("title", "Hacked")]).status == .forbidden)
        }
    }

    @Test("A section's calculation can be its own choice, or the framework's again")
    func sectionOverride() async throws {
        try await withApp { client, services in
            let store = services.store
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let section = try await store.sections(of: teacher.id, as: .teacher)[0]
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            #expect(try await browser.get("/sections/\(section.id.rawValue)/settings").status == .ok)
            // The same policy as the framework's, so no other test sees a record change.
            let saved = try await browser.post(
                "/sections/\(section.id.rawValue)/settings",
                [("method", "decaying-average"), ("parameter", "65"), ("minimum", "1")])
            #expect(saved.status == .seeOther)
            #expect(try await store.section(section.id)?.policyOverride?.method.kind == .decayingAverage)
            #expect(
                try await browser.post("/sections/\(section.id.rawValue)/settings", [("method", "framework")]).status
                    == .seeOther)
            #expect(try await store.section(section.id)?.policyOverride == nil)
            var other = TestBrowser(client)
            _ = try await other.login("teacher5")
            #expect(try await other.get("/sections/\(section.id.rawValue)/settings").status == .forbidden)
        }
    }
}
