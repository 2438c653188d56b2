import Foundation
import MasteryCore
import MasteryInterop
import Testing

@Suite("CASE rubrics")
struct CASERubricTests {
    static let rubric = "55555555-5555-4555-8555-555555555555"

    static func level(_ score: Any, _ description: String?, quality: String? = nil) -> [String: Any] {
        var level: [String: Any] = ["identifier": UUID().uuidString.lowercased(), "score": score]
        if let description { level["description"] = description }
        if let quality { level["quality"] = quality }
        return level
    }

    static func criterion(
        _ id: String, _ category: String, item: String?, position: Int, levels: [[String: Any]]
    ) -> [String: Any] {
        var criterion: [String: Any] = [
            "identifier": id, "category": category, "position": position, "CFRubricCriterionLevels": levels,
        ]
        if let item { criterion["CFItemURI"] = ["identifier": item, "uri": "https://case.example/CFItems/\(item)"] }
        return criterion
    }

    /// A task rubric listed out of order, with a criterion on a strand, beside a scale carried as a rubric.
    static func rubrics() -> [[String: Any]] {
        [
            [
                "identifier": "66666666-6666-4666-8666-666666666666", "title": "Scale",
                "CFRubricCriteria": [
                    criterion(
                        "66666666-6666-4666-8666-666666666667", "Scale", item: nil, position: 1,
                        levels: [
                            level(1, nil, quality: "Low"), level(2, nil, quality: "Mid"),
                            level(3, nil, quality: "High"),
                        ])
                ],
            ],
            [
                "identifier": rubric.uppercased(), "title": "Lab report", "description": "Write up the lab",
                "CFRubricCriteria": [
                    criterion(
                        "77777777-7777-4777-8777-777777777772", "Explains unit rate", item: CASEFixture.rate,
                        position: 2,
                        levels: [level(3, "Explains"), level(1, "Names a rate"), level(2, nil, quality: "Describes")]),
                    criterion(
                        "77777777-7777-4777-8777-777777777771", "Uses ratio language", item: CASEFixture.ratio,
                        position: 1, levels: [level(1, "Sometimes"), level(3, "Always")]),
                    criterion(
                        "77777777-7777-4777-8777-777777777773", "Whole strand", item: CASEFixture.strand, position: 3,
                        levels: [level(1, "Any")]),
                ],
            ],
        ]
    }

    @Test("A rubric aligned to items becomes a task rubric; a scale rubric and a strand criterion do not")
    func read() throws {
        let (package, warnings) = try CASEReader(fileName: "rubrics.json").read(
            CASEFixture.data(CASEFixture.package(rubrics: Self.rubrics())))
        #expect(package.levels?.map(\.label) == ["Low", "Mid", "High"])
        let rubric = try #require(package.rubrics.first)
        #expect(package.rubrics.count == 1)
        #expect(rubric.sourceIdentifier == Self.rubric && rubric.title == "Lab report")
        #expect(rubric.details == "Write up the lab")
        #expect(rubric.criteria.map(\.title) == ["Uses ratio language", "Explains unit rate"])
        #expect(rubric.criteria.map(\.competencyKey) == [CASEFixture.ratio, CASEFixture.rate])
        #expect(rubric.criteria[1].descriptors.map(\.levelValue) == [1, 2, 3])
        #expect(rubric.criteria[1].descriptors.map(\.text) == ["Names a rate", "Describes", "Explains"])
        #expect(
            warnings.contains {
                $0.description.contains("CFRubrics[1].CFRubricCriteria[2]")
                    && $0.description.contains("not a competency here")
            })
    }

    @Test("Task rubrics export aligned to their items and read back the same, identifiers kept")
    func roundTrip() throws {
        let (package, _) = try CASEReader(fileName: "rubrics.json").read(
            CASEFixture.data(CASEFixture.package(rubrics: Self.rubrics())))
        let exported = CASEWriter().write(package)
        let json = try #require(try JSONSerialization.jsonObject(with: exported) as? [String: Any])
        let rubrics = try #require(json["CFRubrics"] as? [[String: Any]])
        #expect(rubrics.count == 2)
        let criteria = try #require(rubrics.last?["CFRubricCriteria"] as? [[String: Any]])
        #expect(
            criteria.compactMap { ($0["CFItemURI"] as? [String: Any])?["identifier"] as? String }
                == [CASEFixture.ratio, CASEFixture.rate])
        let (again, _) = try CASEReader(fileName: "export.json").read(exported)
        #expect(again.rubrics == package.rubrics)
    }

    @Test("A task made in Masterly exports under name-based UUIDs, the same each time")
    func nativeTask() throws {
        var package = FrameworkPackage(id: "fw-1", sourceIdentifier: nil, code: "M", title: "Math")
        package.strands = [.init(id: "str-1", sourceIdentifier: nil, code: "S", title: "Strand", position: 0)]
        package.competencies = [
            .init(id: "c-1", sourceIdentifier: nil, code: "A", title: "I can A", position: 0, strandKey: "str-1")
        ]
        package.rubrics = [
            .init(
                sourceIdentifier: "task-1", title: "Poster",
                criteria: [
                    .init(
                        sourceIdentifier: "crit-1", title: "Accuracy", competencyKey: "c-1",
                        descriptors: [.init(levelValue: 4, text: "Flawless")])
                ])
        ]
        let first = CASEWriter().write(package)
        #expect(Self.withoutTimes(first) == Self.withoutTimes(CASEWriter().write(package)))
        let (read, _) = try CASEReader(fileName: "native.json").read(first)
        let rubric = try #require(read.rubrics.first)
        #expect(rubric.title == "Poster" && rubric.sourceIdentifier != "task-1" && rubric.sourceIdentifier.count == 36)
        #expect(rubric.criteria.map(\.competencyKey) == read.competencies.map(\.key))
        #expect(rubric.criteria.first?.descriptors == [.init(levelValue: 4, text: "Flawless")])
    }

    static func withoutTimes(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self).split(separator: "\n").filter { !$0.contains("lastChangeDateTime") }
            .joined(separator: "\n")
    }
}
