import Foundation
import MasteryCore
import MasteryStore
import Testing

/// A small imported framework: two strands, three competencies (one under another), a prerequisite and a
/// crosswalk link, with a three-level scale.
enum FrameworkFixture {
    static func package(drop: String? = nil, retitle: String? = nil) -> FrameworkPackage {
        var package = FrameworkPackage(
            sourceIdentifier: "doc-1", code: "SCI", title: "Science",
            levels: [
                .init(value: 1, label: "Emerging", colour: "#fde2e1"),
                .init(value: 2, label: "Secure", colour: "#d7f0dc"),
                .init(value: 3, label: "Deep", colour: "#d6e6ff"),
            ], masteryThreshold: 2, details: #"{"CFDocument":{"creator":"State"}}"#)
        package.strands = [
            .init(sourceIdentifier: "s-life", code: "LS", title: "Life science", position: 0),
            .init(sourceIdentifier: "s-earth", code: "ES", title: "Earth science", position: 1),
        ]
        package.competencies = [
            .init(
                sourceIdentifier: "c-cells", code: "LS.1", title: retitle ?? "Cells", position: 0, strandKey: "s-life"),
            .init(
                sourceIdentifier: "c-organelles", code: "LS.1a", title: "Organelles", position: 0, strandKey: "s-life",
                parentKey: "c-cells", details: #"{"notes":"kept for export"}"#),
            .init(sourceIdentifier: "c-rocks", code: "ES.1", title: "Rocks", position: 0, strandKey: "s-earth"),
        ].filter { $0.sourceIdentifier != drop }
        package.prerequisites = [Prerequisite(prerequisite: "c-cells", competency: "c-organelles")]
            .filter { $0.prerequisite != drop && $0.competency != drop }
        package.links = [
            .init(
                identifier: "l-1", type: "exactMatchOf", originKey: "c-rocks", destinationKey: "outside-1", details: nil
            )
        ]
        return package
    }
}

extension StoreContractTests {
    @Test("A framework package imports, repeats without change, and reads back whole", arguments: Backend.available)
    func frameworkImport(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let (id, first) = try await store.apply(FrameworkFixture.package(), by: Self.importer, at: Fixture.start)
            #expect(first["competencies"]?.created == 3 && first["prerequisites"]?.created == 1)
            #expect(first["links"]?.created == 1)
            let (sameID, again) = try await store.apply(
                FrameworkFixture.package(), by: Self.importer, at: Fixture.start)
            #expect(sameID == id && again.changedNothing)
            let curriculum = try await store.curriculum(frameworks: [id])
            #expect(curriculum.competencies.map(\.code) == ["LS.1", "LS.1a", "ES.1"])
            #expect(curriculum.scale(for: curriculum.competencies[0])?.masteryThreshold == 2)
            let package = try #require(try await store.frameworkPackage(id))
            #expect(package.sourceIdentifier == "doc-1")
            #expect(package.competencies.first { $0.code == "LS.1a" }?.parentKey == "c-cells")
            #expect(package.competencies.first { $0.code == "LS.1a" }?.details == #"{"notes":"kept for export"}"#)
            #expect(package.prerequisites == [Prerequisite(prerequisite: "c-cells", competency: "c-organelles")])
            #expect(package.links.map(\.destinationKey) == ["outside-1"])
            #expect(try await store.framework(key: "doc-1")?.id == id)
        }
    }

    @Test(
        "Re-importing updates in place; a node the source dropped is retired with its evidence",
        arguments: Backend.available)
    func frameworkUpdateRetires(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data())
            let (id, _) = try await store.apply(FrameworkFixture.package(), by: Self.importer, at: Fixture.start)
            let before = try await store.curriculum(frameworks: [id])
            let rocks = try #require(before.competencies.first { $0.code == "ES.1" })
            _ = try await store.append(
                [.record(student: Fixture.student, competency: rocks.id, score: 2)], by: Fixture.teacher,
                at: Fixture.start)
            let (_, summary) = try await store.apply(
                FrameworkFixture.package(drop: "c-rocks", retitle: "Cells and tissues"), by: Self.importer,
                at: Fixture.start)
            #expect(summary["competencies"]?.updated == 1 && summary["competencies"]?.removed == 1)
            let after = try await store.curriculum(frameworks: [id])
            #expect(after.competencies.map(\.title) == ["Cells and tissues", "Organelles"])
            #expect(try await store.evidence(student: Fixture.student)[rocks.id]?.count == 1)
        }
    }

    @Test("Cyclic prerequisites refuse the framework, and a preview writes nothing", arguments: Backend.available)
    func frameworkRefusals(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            var cyclic = FrameworkFixture.package()
            cyclic.prerequisites.append(Prerequisite(prerequisite: "c-organelles", competency: "c-cells"))
            await #expect(throws: StoreError.self) {
                _ = try await store.apply(cyclic, by: Self.importer, at: Fixture.start)
            }
            let (_, preview) = try await store.apply(
                FrameworkFixture.package(), by: Self.importer, at: Fixture.start, dryRun: true)
            #expect(preview["competencies"]?.created == 3)
            #expect(try await store.frameworks().isEmpty)
        }
    }

    @Test(
        "A rubric in the package becomes a task aligned to its competencies, updated in place on re-import",
        arguments: Backend.available)
    func frameworkRubrics(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            var package = FrameworkFixture.package()
            package.rubrics = [
                .init(
                    sourceIdentifier: "r-lab", title: "Lab report", details: "Write up the lab",
                    criteria: [
                        .init(
                            sourceIdentifier: "k-cells", title: "Describes cells", competencyKey: "c-cells",
                            descriptors: [
                                .init(levelValue: 1, text: "Names a part"), .init(levelValue: 3, text: "Explains"),
                            ]),
                        .init(
                            sourceIdentifier: "k-rocks", title: "Classifies rocks", competencyKey: "c-rocks",
                            descriptors: [.init(levelValue: 2, text: "Sorts by look")]),
                    ])
            ]
            let (id, first) = try await store.apply(package, by: Self.importer, at: Fixture.start)
            #expect(first["tasks"]?.created == 1)
            let curriculum = try await store.curriculum(frameworks: [id])
            let task = try #require(try await store.tasks(framework: id).first)
            #expect(
                task.title == "Lab report" && task.details == "Write up the lab" && task.sourceIdentifier == "r-lab")
            #expect(task.criteria.map(\.title) == ["Describes cells", "Classifies rocks"])
            #expect(
                task.criteria.map(\.competencyID)
                    == ["LS.1", "ES.1"].compactMap { code in curriculum.competencies.first { $0.code == code }?.id })
            #expect(task.criteria[0].descriptors.map(\.text) == ["Names a part", "Explains"])
            // The same package again changes nothing; a changed descriptor updates the same task and criterion.
            #expect(try await store.apply(package, by: Self.importer, at: Fixture.start).summary.changedNothing)
            package.rubrics[0].criteria[0].descriptors[1].text = "Explains with a model"
            let (_, changed) = try await store.apply(package, by: Self.importer, at: Fixture.start)
            #expect(changed["tasks"]?.updated == 1)
            let tasks = try await store.tasks(framework: id)
            #expect(tasks.count == 1 && tasks[0].id == task.id && tasks[0].criteria[0].id == task.criteria[0].id)
            #expect(tasks[0].criteria[0].descriptors.last?.text == "Explains with a model")
            // The export carries the rubric back with the source's identifiers and node keys.
            let exported = try #require(try await store.frameworkPackage(id))
            #expect(exported.rubrics == package.rubrics)
            // A criterion on a competency the framework does not have refuses the whole package.
            package.rubrics[0].criteria[1].competencyKey = "c-missing"
            await #expect(throws: StoreError.self) {
                _ = try await store.apply(package, by: Self.importer, at: Fixture.start)
            }
            #expect(try await store.tasks(framework: id) == tasks)
        }
    }
}
