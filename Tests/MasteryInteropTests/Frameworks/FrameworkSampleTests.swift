import Foundation
import MasteryCore
import MasteryInterop
import Testing

/// The real CASE and Moodle files in `../shared/data/interop` (read in place, never copied).
@Suite(
    "Framework sample files",
    .enabled(
        if: SharedFolder.file("data/interop/case") != nil,
        "../shared/data/interop is not here: the real-file framework checks are skipped"))
struct FrameworkSampleTests {
    func readCASE(_ path: String) throws -> (package: FrameworkPackage, warnings: [ImportProblem]) {
        let url = try #require(SharedFolder.file("data/interop/case/\(path)"))
        return try CASEReader(fileName: url.lastPathComponent).read(try Data(contentsOf: url))
    }

    @Test("The 2017 OpenSALT export: two strands, fourteen competencies, two prerequisites, 21 links")
    func openSALTExport() throws {
        let (package, warnings) = try readCASE(
            "opensalt-sample/opensalt-framework-20c5134f-423d-4097-a971-3dd5152bf507.json")
        #expect(package.strands.map(\.code) == ["CCSS.Math.Content.6.RP.A", "CCSS.Math.Content.7.RP.A"])
        #expect(package.competencies.count == 14)
        let codes = Dictionary(
            uniqueKeysWithValues: package.competencies.map {
                ($0.key, $0.code.replacingOccurrences(of: "CCSS.Math.Content.", with: ""))
            })
        #expect(
            Set(package.prerequisites.map { "\(codes[$0.prerequisite]!) → \(codes[$0.competency]!)" }) == [
                "6.RP.A.1 → 6.RP.A.2", "6.RP.A.3 → 7.RP.A.3",
            ])
        #expect(package.links.count == 21)
        #expect(warnings.count == 11)
        let (again, _) = try CASEReader(fileName: "export.json").read(CASEWriter().write(package))
        #expect(again.competencies.map(\.key) == package.competencies.map(\.key))
        #expect(again.links.count == 21 && again.prerequisites.count == 2)
    }

    @Test("OpenSALT test frameworks: authored order, sequence numbers, 4-byte characters, an empty framework")
    func testFrameworks() throws {
        let ordering = try readCASE("opensalt-test-frameworks/Ordering.json").package
        #expect(ordering.strands.count == 1 && ordering.competencies.count == 27)
        #expect(
            ordering.competencies.filter { $0.code.hasPrefix("H.A.MATH.GM.PF.2DFP.L1.") }.prefix(6).map(\.code) == [
                "H.A.MATH.GM.PF.2DFP.L1.1", "H.A.MATH.GM.PF.2DFP.L1.10", "H.A.MATH.GM.PF.2DFP.L1.3",
                "H.A.MATH.GM.PF.2DFP.L1.4", "H.A.MATH.GM.PF.2DFP.L1.20", "H.A.MATH.GM.PF.2DFP.L1.6",
            ])
        #expect(
            try readCASE("opensalt-test-frameworks/SequenceNumberFramework.json").package.competencies.map(\.code) == [
                "SNT.2", "SNT.1",
            ])
        let utf8 = try readCASE("opensalt-test-frameworks/Utf8TestFramework.json").package
        #expect(utf8.title == "UTF8 𝑑 Test" && utf8.competencies.first?.title == "Item 𝑑 1")
        let empty = try readCASE("opensalt-test-frameworks/EmptyExternalFramework.json").package
        #expect(empty.strands.isEmpty && empty.competencies.isEmpty)
        let smart = try readCASE("opensalt-test-frameworks/SmartLevelFramework.json")
        #expect(smart.package.strands.count == 2 && smart.package.competencies.count == 12 && smart.warnings.isEmpty)
    }

    @Test("Moodle's example framework: 64 competencies, 39 related pairs, and an exact round trip")
    func moodleExample() throws {
        let url = try #require(SharedFolder.file("data/interop/moodle/example.csv"))
        let reading = try MoodleFrameworkCSV.read(try Data(contentsOf: url), fileName: "example.csv")
        #expect(
            reading.headline
                == "framework OECD-CORE: 64 competencies (2 strands, 62 competencies), 39 related pairs, 0 rules")
        #expect(reading.warnings.isEmpty)
        #expect(reading.package.levels?.map(\.label) == ["Not yet competent", "Competent"])
        #expect(reading.package.masteryThreshold == 2)
        let drat1 = try #require(reading.package.competencies.first { $0.code == "DR-AT1" })
        #expect(drat1.parentKey == "analytical-thinking")
        let written = MoodleFrameworkCSV.write(reading.package)
        let again = try MoodleFrameworkCSV.read(Data(written.utf8), fileName: "export.csv")
        #expect(again.headline == reading.headline)
        #expect(MoodleFrameworkCSV.write(again.package) == written)
        #expect(again.package.competencies.map(\.title) == reading.package.competencies.map(\.title))
    }
}
