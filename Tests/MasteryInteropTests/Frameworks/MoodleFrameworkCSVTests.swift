import Foundation
import MasteryCore
import MasteryInterop
import Testing

@Suite("Moodle framework CSV")
struct MoodleFrameworkCSVTests {
    // Headers in another wording (read by position), a multi-line HTML description, a cross-reference, a
    // points rule with exported ids, and a top-level leaf.
    static let file = #"""
        parent,idnumber,name,desc,descformat,scale,scaleconfig,ruletype,ruleoutcome,ruleconfig,related,exportid,isframework,taxonomy
        ,HAB,Habits of work,"<p>How we work.</p>",1,"Not yet,Almost,Yes","[{""scaleid"":""3""},{""id"":2,""scaledefault"":1,""proficient"":1},{""id"":3,""scaledefault"":0,""proficient"":1}]",,,,,,1,"domain,skill"
        ,collab,Collaboration,"<p>Working with others:
        • listens
        • shares</p>",1,,,core_competency\competency_rule_points,1,"{""base"":{""points"":2},""competencies"":[{""id"":31,""points"":1,""required"":0},{""id"":32,""points"":1,""required"":1}]}",,30,,
        collab,COL-1,Listens to others,,1,,,,0,null,"PER-1",31,,
        collab,COL-2,"Shares ideas, with care",,1,,,,0,null,,32,,
        ,PER-1,Perseveres ,,2,,,,0,null,COL-1,40,,
        """#

    func read(_ text: String) throws -> MoodleFrameworkCSV.Reading {
        try MoodleFrameworkCSV.read(Data(text.utf8), fileName: "habits.csv")
    }

    func refusal(_ text: String) -> [String] {
        do {
            _ = try read(text)
            return []
        } catch let error as ImportError {
            return error.problems.filter { $0.severity == .error }.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test("Rows read by position into a tree, a scale and related links")
    func reads() throws {
        let reading = try read(Self.file)
        let package = reading.package
        #expect(
            reading.headline == "framework HAB: 4 competencies (1 strands, 3 competencies), 1 related pairs, 1 rules")
        #expect(
            reading.warnings.map(\.description) == [
                "warning: habits.csv:3: Rule type (optional): rule kept for export, not applied"
            ])
        #expect(package.code == "HAB" && package.title == "Habits of work" && package.sourceIdentifier == "moodle:HAB")
        #expect(package.levels?.map(\.label) == ["Not yet", "Almost", "Yes"])
        #expect(package.masteryThreshold == 2)
        #expect(package.strands.map(\.code) == ["collab", ""])
        #expect(package.competencies.map(\.code) == ["COL-1", "COL-2", "PER-1"])
        #expect(package.competencies[1].title == "Shares ideas, with care")
        #expect(package.competencies[2].strandKey == "moodle:HAB")
        #expect(package.links.map { [$0.originKey, $0.destinationKey] } == [["COL-1", "PER-1"]])
    }

    @Test("Export writes the current header, parents first, exported ids renumbered, and reads back the same")
    func roundTrip() throws {
        let package = try read(Self.file).package
        let text = MoodleFrameworkCSV.write(package)
        #expect(text.hasPrefix("Parent ID number,ID number,Short name,Description,Description format,"))
        let again = try read(text)
        #expect(
            again.package.competencies.map { [$0.code, $0.title, $0.parentKey ?? "", $0.strandKey ?? ""] }
                == package.competencies.map { [$0.code, $0.title, $0.parentKey ?? "", $0.strandKey ?? ""] })
        #expect(again.package.strands.map(\.title) == package.strands.map(\.title))
        #expect(again.package.links.map { [$0.originKey, $0.destinationKey] } == [["COL-1", "PER-1"]])
        #expect(text.contains("<p>Working with others:\n• listens\n• shares</p>"))
        // The points rule now names this export's ids (COL-1 and COL-2 are rows 2 and 3).
        #expect(text.contains(#"{""id"":2,""points"":1,""required"":0},{""id"":3,""points"":1,""required"":1}"#))
        #expect(MoodleFrameworkCSV.write(again.package) == text)
    }

    @Test("A cell a spreadsheet would run as a formula is written inert")
    func formulaGuard() throws {
        var package = try read(Self.file).package
        package.competencies[0].title = #"=HYPERLINK("http://evil.example","click")"#
        let text = MoodleFrameworkCSV.write(package)
        #expect(!text.contains(#",=HYPERLINK"#) && !text.contains(#","=HYPERLINK"#))
        #expect(text.contains(#"'=HYPERLINK("#))
    }

    @Test("What Moodle would silently drop is refused, naming the row and column")
    func refusals() {
        let unknownParent = Self.file.replacingOccurrences(of: "collab,COL-2", with: "nobody,COL-2")
        #expect(refusal(unknownParent) == ["habits.csv:7: Parent ID number: unknown parent 'nobody'"])
        let duplicate = Self.file.replacingOccurrences(of: "COL-2,", with: "COL-1,")
        #expect(
            refusal(duplicate) == ["habits.csv:7: ID number: duplicate competency idnumber 'COL-1' (first at line 6)"])
        let crossReference = Self.file.replacingOccurrences(of: "null,COL-1,40", with: "null,NOPE,40")
        #expect(
            refusal(crossReference) == ["habits.csv:8: Cross-referenced competency ID numbers: unknown idnumber 'NOPE'"]
        )
        let short = Self.file.replacingOccurrences(of: "COL-2,\"Shares ideas, with care\",,1,", with: "COL-2,Shares,1,")
        #expect(refusal(short) == ["habits.csv:7: row: 13 fields, expected 14"])
        let noFramework = Self.file.replacingOccurrences(of: "\"domain,skill\"", with: "").replacingOccurrences(
            of: ",,1,\n", with: ",,,\n")
        #expect(refusal(noFramework) == ["habits.csv:1: Is framework: no framework row"])
        let noProficient = Self.file.replacingOccurrences(of: "\"\"proficient\"\":1", with: "\"\"proficient\"\":0")
        #expect(refusal(noProficient) == ["habits.csv:2: Scale configuration: no item marked proficient"])
    }
}
