import Foundation
import MasteryCore
import MasteryInterop
import Testing

@Suite("CASE packages")
struct CASEReaderTests {
    func read(_ package: [String: Any]) throws -> (package: FrameworkPackage, warnings: [ImportProblem]) {
        try CASEReader(fileName: "test.json").read(CASEFixture.data(package))
    }

    func refusal(_ package: [String: Any]) -> [String] {
        do {
            _ = try read(package)
            return []
        } catch let error as ImportError {
            return error.problems.filter { $0.severity == .error }.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test("The tree comes from isChildOf in authored order; precedes inside the package are prerequisites")
    func tree() throws {
        let (package, _) = try read(CASEFixture.package())
        #expect(package.sourceIdentifier == CASEFixture.document && package.title == "Ratios 𝑑 Test")
        #expect(package.strands.map(\.title) == ["Ratio concepts", "Ratios 𝑑 Test"])
        #expect(package.isSynthetic(package.strands[1]))
        #expect(package.competencies.map(\.code) == ["RP.A.1", "RP.A.2", "RP.A.2a", "7"])
        let component = try #require(package.competencies.first { $0.code == "RP.A.2a" })
        #expect(component.parentKey == CASEFixture.rate && component.strandKey == CASEFixture.strand)
        #expect(
            package.competencies.first { $0.code == "RP.A.2" }?.title
                == "Understand the concept of a unit rate.\r\n| a | b |")
        #expect(package.prerequisites == [Prerequisite(prerequisite: CASEFixture.ratio, competency: CASEFixture.rate)])
        #expect(package.links.map(\.type) == ["exactMatchOf"])
        #expect(package.links.first?.destinationKey == "ccss.6.rp.a.1")
    }

    @Test("Legacy variants are read with aggregated warnings")
    func legacyWarnings() throws {
        let (_, warnings) = try read(CASEFixture.package())
        let texts = warnings.map(\.description)
        #expect(
            texts.contains(
                "warning: test.json: $.CFAssociations[*]: CFDocumentURI: legacy link to the owning document; ignored (7x)"
            ))
        #expect(
            texts.contains(
                "warning: test.json: $.CFAssociations[*]: sequenceNumber: a numeric string; read as an integer"))
        #expect(
            texts.contains(
                "warning: test.json: $.CFItems[*]: educationalLevel: legacy name of educationLevel; read as educationLevel"
            ))
        #expect(texts.contains("warning: test.json: $.CFDocument: lastChangeDateTime: no time zone; read as UTC"))
    }

    @Test("What would corrupt the framework refuses the package, naming the place")
    func refusals() {
        var package = CASEFixture.package()
        var items = package["CFItems"] as! [[String: Any]]
        items[1]["identifier"] = "RP-1"
        package["CFItems"] = items
        #expect(refusal(package).contains("test.json: $.CFItems[1]: identifier: 'RP-1' is not a UUID"))

        items = CASEFixture.package()["CFItems"] as! [[String: Any]]
        items[2]["fullStatement"] = NSNull()
        #expect(
            refusal(CASEFixture.package(items: items)) == [
                "test.json: $.CFItems[2]: fullStatement: required value missing"
            ])

        items = CASEFixture.package()["CFItems"] as! [[String: Any]]
        items.append(items[1])
        #expect(
            refusal(CASEFixture.package(items: items)).first
                == "test.json: $.CFItems[5]: identifier: duplicate identifier '\(CASEFixture.ratio)'")

        var associations = CASEFixture.package()["CFAssociations"] as! [[String: Any]]
        associations[1]["associationType"] = "isChildof"
        #expect(
            refusal(CASEFixture.package(associations: associations)) == [
                "test.json: $.CFAssociations[1]: associationType: 'isChildof' is not a CASE association type"
            ])

        associations = CASEFixture.package()["CFAssociations"] as! [[String: Any]]
        associations[2]["sequenceNumber"] = "first"
        #expect(
            refusal(CASEFixture.package(associations: associations)) == [
                "test.json: $.CFAssociations[2]: sequenceNumber: 'first' is not an integer"
            ])

        associations = CASEFixture.package()["CFAssociations"] as! [[String: Any]]
        associations.append(
            CASEFixture.association(
                "a0000000-0000-4000-8000-000000000008", "precedes", CASEFixture.rate, CASEFixture.ratio))
        #expect(
            refusal(CASEFixture.package(associations: associations)) == [
                "test.json: $.CFAssociations: precedes: cycle in precedes: RP.A.1 → RP.A.2 → RP.A.1 "
                    + "(prerequisites would never unlock)"
            ])

        associations = CASEFixture.package()["CFAssociations"] as! [[String: Any]]
        associations[3] = CASEFixture.association(
            "a0000000-0000-4000-8000-000000000004", "isChildOf", CASEFixture.component,
            "99999999-9999-4999-8999-999999999999")
        #expect(
            refusal(CASEFixture.package(associations: associations)) == [
                "test.json: $.CFAssociations[3]: destinationNodeURI: parent '99999999-9999-4999-8999-999999999999' is neither the document nor an item of this package"
            ])

        #expect(
            (try? CASEReader(fileName: "x.json").read(Data("{\"CFItems\": []}".utf8))) == nil)
        #expect(refusal(["CFItems": []]) == ["test.json: $: CFDocument: missing; not a CASE package"])
    }

    @Test("Export validates by construction and reads back as the same framework")
    func roundTrip() throws {
        let (package, _) = try read(CASEFixture.package())
        let exported = CASEWriter().write(package)
        let json = try #require(try JSONSerialization.jsonObject(with: exported) as? [String: Any])
        let document = try #require(json["CFDocument"] as? [String: Any])
        #expect(document["caseVersion"] as? String == "1.1")
        #expect((document["lastChangeDateTime"] as? String)?.hasSuffix("Z") == true)
        #expect(document["CFPackageURI"] == nil)
        let associations = try #require(json["CFAssociations"] as? [[String: Any]])
        #expect(associations.allSatisfy { $0["CFDocumentURI"] == nil })
        #expect(
            associations.filter { $0["associationType"] as? String == "isChildOf" }.allSatisfy {
                $0["sequenceNumber"] is Int
            })
        let (again, warnings) = try CASEReader(fileName: "export.json").read(exported)
        #expect(warnings.isEmpty)
        #expect(again.strands.map(\.key) == package.strands.map(\.key))
        #expect(
            again.competencies.map { [$0.key, $0.code, $0.title, $0.parentKey ?? "", $0.strandKey ?? ""] }
                == package.competencies.map { [$0.key, $0.code, $0.title, $0.parentKey ?? "", $0.strandKey ?? ""] })
        #expect(again.prerequisites == package.prerequisites)
        #expect(again.links.map(\.identifier) == package.links.map(\.identifier))
        let items = try #require(json["CFItems"] as? [[String: Any]])
        #expect(
            items.first { $0["identifier"] as? String == CASEFixture.ratio }?["educationLevel"] as? [String] == ["06"])
    }

    @Test("A framework made in Masterly exports with name-based UUIDs that stay the same")
    func nativeExport() throws {
        var package = FrameworkPackage(
            id: "fw-math", sourceIdentifier: nil, code: "MATH", title: "Math 7",
            levels: [
                .init(value: 1, label: "Beginning", colour: "#fff"),
                .init(value: 2, label: "Developing", colour: "#fff"),
                .init(value: 3, label: "Proficient", colour: "#fff"),
                .init(value: 4, label: "Extending", colour: "#fff"),
            ], masteryThreshold: 3)
        package.strands = [.init(id: "str-1", sourceIdentifier: nil, code: "RP", title: "Ratios", position: 0)]
        package.competencies = [
            .init(
                id: "c-1", sourceIdentifier: nil, code: "RP.1", title: "I can write a ratio.", position: 0,
                strandKey: "str-1"),
            .init(
                id: "c-2", sourceIdentifier: nil, code: "RP.2", title: "I can find a unit rate.", position: 1,
                strandKey: "str-1"),
        ]
        package.prerequisites = [Prerequisite(prerequisite: "c-1", competency: "c-2")]
        let first = CASEWriter().write(package)
        let second = CASEWriter().write(package)
        func ids(_ data: Data) throws -> [String] {
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            return (json["CFItems"] as? [[String: Any]] ?? []).compactMap { $0["identifier"] as? String }
        }
        #expect(try ids(first) == ids(second))
        #expect(try ids(first).count == 3)
        let (read, _) = try CASEReader(fileName: "native.json").read(first)
        #expect(read.levels?.map(\.label) == ["Beginning", "Developing", "Proficient", "Extending"])
        #expect(read.masteryThreshold == 3)
        #expect(read.prerequisites.count == 1)
        #expect(read.competencies.map(\.title) == ["I can write a ratio.", "I can find a unit rate."])
    }
}
