import MasteryCore
import MasteryInterop
import Testing

@Suite("CSV writing")
struct CSVWriterTests {
    @Test("Fields are quoted only when needed, quotes doubled, lines end in CRLF")
    func quoting() {
        #expect(
            CSVWriter.line(["a", "b c", "d,e", "say \"hi\"", "two\nlines"])
                == "a,b c,\"d,e\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n")
    }

    @Test("Spreadsheet formulas are neutralised; numbers are not")
    func formulaInjection() {
        #expect(CSVWriter.line(["=SUM(A1)", "+1+1", "@cmd", "-3.5", "-x"]) == "'=SUM(A1),'+1+1,'@cmd,-3.5,'-x\r\n")
    }

    @Test("A gradebook exports values, levels and per-kind summaries")
    func gradebook() throws {
        let scale = try ProficiencyScale(
            id: "s", name: "4",
            levels: [
                .init(value: 1, label: "Beginning", colour: "#fff"),
                .init(value: 3, label: "Proficient", colour: "#fff"),
            ],
            masteryThreshold: 3)
        let framework = Framework(id: "f", code: "F", title: "F", scaleID: scale.id)
        let competencies = [
            Competency(
                id: "c1", frameworkID: "f", strandID: "st", code: "A.1", title: "A", kind: .academic, position: 0),
            Competency(id: "c2", frameworkID: "f", strandID: "st", code: "H.1", title: "H", kind: .habit, position: 1),
        ]
        let curriculum = Curriculum(
            frameworks: [framework], scales: [scale.id: scale],
            strands: [Strand(id: "st", frameworkID: "f", code: "S", title: "S", position: 0)],
            competencies: competencies,
            indicators: [:])
        let student = Person(id: "p1", role: .student, givenName: "Ana", familyName: "Diaz, Jr", organizationID: "o")
        let record = MasteryRecord(
            studentID: "p1", competencyID: "c1", status: .assessed, value: 3.125, levelValue: 3, mastered: true,
            evidenceCount: 2, lastObservedAt: nil, method: "mean")
        let gradebook = Gradebook.build(students: [student], curriculum: curriculum, records: ["p1": ["c1": record]])
        let csv = GradebookCSV.export(gradebook)
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(
            lines[0] == "student_id,student,A.1 value,A.1 level,H.1 value,H.1 level,academic mastered,habit mastered")
        #expect(lines[1] == "p1,\"Diaz, Jr, Ana\",3.13,Proficient,,not enough evidence,1/1,0/1")
    }
}
