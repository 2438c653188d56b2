import Foundation
import MasteryCore
import Plot
import Testing

@testable import MasteryServer

/// The gradebook's rows are written without Plot for speed: every id, name and label must still be escaped.
@Suite("Gradebook grid")
struct GradebookGridTests {
    @Test("Hostile names and ids in the grid come out as text, never as markup")
    func hostileValuesEscaped() throws {
        let strand = Strand(id: "s-1", frameworkID: "fw", code: "S", title: "Strand", position: 0)
        let competency = Competency(
            id: #"c-"onmouseover="alert(1)"#, frameworkID: "fw", strandID: strand.id, code: "C1", title: "One",
            kind: .academic, position: 0)
        let student = Person(
            id: #"p-"><script>alert(1)</script>"#, role: .student, givenName: #"<img src=x onerror=alert(1)>"#,
            familyName: #"O'Neil & "Sons""#, organizationID: "org")
        let curriculum = Curriculum(
            frameworks: [], scales: [:], strands: [strand], competencies: [competency], indicators: [:])
        let gradebook = Gradebook.build(students: [student], curriculum: curriculum, records: [:])
        let html = GradebookGrid(gradebook: gradebook).bodyRows()
        #expect(!html.contains("<script") && !html.contains("<img") && !html.contains(#""onmouseover"#))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains(#"O&#39;Neil &amp; &quot;Sons&quot;"#) || html.contains(#"O'Neil &amp; "Sons""#))
        #expect(html.contains(#"data-student-id="p-&quot;&gt;&lt;script&gt;"#))
        #expect(html.contains(#"/competencies/c-&quot;onmouseover=&quot;alert(1)""#))
        // Exactly one row with one cell, closed.
        #expect(html.components(separatedBy: "<tr").count == 2 && html.hasSuffix("</td></tr>"))
        #expect(html.components(separatedBy: #"<td class="cell"#).count == 2)
    }

    @Test(
        "A badge written as text is the badge Plot renders, for every kind of cell", arguments: [nil, 0, 2.654, -1.5])
    func badgeAsText(_ value: Double?) {
        var badges = Badges()
        let levels: [ProficiencyLevel?] = [
            nil, ProficiencyLevel(value: 3, label: "Proficient", colour: "#2e7d32"),
            ProficiencyLevel(value: 1, label: #"<b>Beginning</b> & "new""#, colour: #"red;background:url(x)"#),
        ]
        for level in levels {
            for _ in 0..<2 {  // the second time from what was kept
                #expect(
                    badges.html(level: level, value: value)
                        == Components.levelBadge(level, value: value).render())
            }
        }
    }
}
