import Foundation
import MasteryCore
import MasteryInterop
import Testing

@Suite("Response logs for knowledge tracing")
struct ResponseLogCSVTests {
    @Test("pyBKT columns are found by name, rows ordered per student, and a split column kept")
    func pyBKTColumns() throws {
        let csv = """
            extra,order_id,user_id,skill_name,correct,split
            x,3,u1,add,1,train
            x,1,u1,add,0,train
            x,2,u2,add,1,test
            x,2,u1,sub,1,train
            x,4,u1,add,1,train
            """
        let log = try ResponseLogCSV.read(Data(csv.utf8), file: "small.csv")
        #expect(log.rows.count == 5 && log.users == ["u1", "u2"] && log.skills == ["add", "sub"])
        #expect(log.hasSplitColumn)
        let skills = log.skillData()
        #expect(skills.map(\.name) == ["add", "sub"])
        let add = skills[0]
        #expect(add.sequenceCount == 2)
        #expect(Array(add.responses[add.starts[0]..<add.starts[1]]) == [0, 1, 1])
        let trainOnly = log.skillData { $0.split == .train }
        #expect(trainOnly[0].sequenceCount == 1)
    }

    @Test("Cognitive Tutor exports are tab-separated with bare quotes; rows without a skill are skipped")
    func cognitiveTutor() throws {
        let tsv =
            "Row\tAnon Student Id\tStep Name\tCorrect First Attempt\tKC(Default)\n"
            + "1\tS1\tsay \"hi\"\t1\tKC-A\n2\tS1\tx\t0\t\n3\tS2\ty\t0\tKC-A\n"
        let log = try ResponseLogCSV.read(Data(tsv.utf8), file: "ct.tsv")
        #expect(log.rows.count == 2)
        #expect(log.skipped["no skill"] == 1)
    }

    @Test("Malformed rows are all reported as file:line: field: message")
    func malformed() {
        let csv = "order_id,user_id,skill_name,correct\n1,u1,add,1\n2,u1,add,yes\nx,u2,add,0\n4,,add,1\n5,u1\n"
        do {
            _ = try ResponseLogCSV.read(Data(csv.utf8), file: "bad.csv")
            Issue.record("accepted a malformed file")
        } catch {
            let lines = error.problems.map(\.description)
            #expect(
                lines == [
                    "bad.csv:3: correct: 'yes' is not 0, 1 or -1",
                    "bad.csv:4: order_id: 'x' is not a whole number",
                    "bad.csv:5: user_id: is empty",
                    "bad.csv:6: has 2 fields, the header has 4",
                ])
        }
        #expect(throws: ImportError.self) { try ResponseLogCSV.read(Data("a,b\n1,2\n".utf8), file: "x.csv") }
        #expect(throws: ImportError.self) {
            try ResponseLogCSV.read(Data("order_id,user_id,skill_name,correct\n\"1,u".utf8), file: "q.csv")
        }
    }

    @Test("The student split matches the baseline's SHA-1 rule")
    func split() {
        // Values computed with Python: int(sha1(b"0:21825").hexdigest()[:8], 16) < 0.2 * 2**32 is False.
        #expect(StudentSplit.isTest(user: "21825", testFraction: 0.2, seed: 0) == false)
        let users = (0..<2_000).map { "user\($0)" }
        let share = Double(users.filter { StudentSplit.isTest(user: $0, testFraction: 0.2, seed: 0) }.count) / 2_000
        #expect(abs(share - 0.2) < 0.03)
        #expect(StudentSplit.isTest(user: "a", testFraction: 1, seed: 3))
        #expect(!StudentSplit.isTest(user: "a", testFraction: 0, seed: 3))
    }
}
