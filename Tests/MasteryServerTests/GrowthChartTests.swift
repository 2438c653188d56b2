import Foundation
import Testing

@testable import MasteryServer

@Suite("Growth charts a 12-year-old can read")
struct GrowthChartTests {
    static let day: TimeInterval = 86_400
    static let start = Date(timeIntervalSince1970: 1_788_000_000)  // 2026-08-29
    static let points: [GrowthChart.Point] = [
        .init(date: start, score: 1, running: 1),
        .init(date: start.addingTimeInterval(15 * day), score: 2, running: 1.5),
        .init(date: start.addingTimeInterval(40 * day), score: 3, running: 2.2),
    ]

    @Test("Levels from the scale's lowest, the threshold named, dated axis, a legend and every point in words")
    func english() {
        let svg = GrowthChart.render(
            points: Self.points, minimum: 1, maximum: 4, threshold: 3, label: "Ana's scores", t: .english)
        let labels = Self.texts(svg, class: "axis")
        // 1 to 4 up the side: no level 0 the scale does not have.
        #expect(labels.prefix(4) == ["1", "2", "3", "4"])
        #expect(labels.contains("Mastery (3)"))
        // The first, middle and last dates along the bottom, as pages write dates.
        #expect(labels.contains("Aug 29, 2026") && labels.contains("Oct 8, 2026") && labels.count == 8)
        #expect(svg.contains("class=\"chart-legend small\"") && svg.contains("Level so far"))
        #expect(svg.contains("<li>Sep 13, 2026: a score of 2; Level so far: 1.50</li>"))
        // One dot per score, one line through the levels so far.
        #expect(svg.components(separatedBy: "<circle").count - 1 == 3)
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 1)
    }

    @Test("In Spanish: dates, threshold and legend in Spanish; nothing to chart says so")
    func spanish() throws {
        let t = try Languages(folder: nil).translator("es")
        let svg = GrowthChart.render(
            points: Self.points, minimum: 1, maximum: 4, threshold: 3, label: "x", line: t("Level so far"),
            t: t)
        let labels = Self.texts(svg, class: "axis")
        #expect(labels.contains("Dominio (3)") && labels.contains("29 de agosto de 2026"))
        #expect(svg.contains("Nivel hasta ahora") && svg.contains("Una calificación"))
        // A score below the scale's lowest level (0 on 1–4) still lands inside the chart.
        let zero = GrowthChart.render(
            points: [.init(date: Self.start, score: 0, running: 0)], minimum: 1, maximum: 4, threshold: 3, label: "x",
            t: .english)
        #expect(Self.texts(zero, class: "axis").first == "0")
        let cy = try #require(zero.range(of: #"cy="[0-9.]+""#, options: .regularExpression))
        #expect((Double(zero[cy].dropFirst(4).dropLast()) ?? 999) <= 220)
        let empty = GrowthChart.render(points: [], minimum: 1, maximum: 4, threshold: 3, label: "x", t: t)
        #expect(empty.contains("Todavía no hay evidencias puntuadas"))
        // Text is escaped wherever it goes.
        let hostile = GrowthChart.render(
            points: Self.points, maximum: 4, threshold: 3, label: "<script>\"x\"</script>", t: .english)
        #expect(!hostile.contains("<script>") && hostile.contains("&lt;script&gt;&quot;x&quot;"))
    }

    /// The texts of the SVG's `<text>` elements with `class`, in order.
    static func texts(_ svg: String, class name: String) -> [String] {
        svg.components(separatedBy: "<text ").dropFirst().compactMap { part -> String? in
            guard part.contains("class=\"\(name)"), let open = part.firstIndex(of: ">"),
                let close = part.range(of: "</text>")
            else { return nil }
            return String(part[part.index(after: open)..<close.lowerBound])
        }
    }

    @Test("One line per competency: each its own marker and dash, named in the legend and in words; four at most")
    func lines() {
        let lines = (0..<6).map { index in
            GrowthChart.Line(
                name: "C\(index)",
                points: Self.points.map { .init(date: $0.date, score: $0.score, running: $0.running) })
        }
        let svg = GrowthChart.render(
            lines: lines, minimum: 1, maximum: 4, threshold: 3, label: "Scores", t: .english)
        // Four lines drawn, each in its own series with its own marker shape.
        #expect((0..<4).allSatisfy { svg.contains("class=\"series series-\($0)\"") })
        #expect(!svg.contains("series-4") && !svg.contains(">C4<") && !svg.contains("C5"))
        #expect(svg.contains("<circle") && svg.contains("<rect") && svg.components(separatedBy: "<polygon").count > 2)
        // The legend names each line; the screen-reader list gives each line's points by name.
        for index in 0..<4 {
            #expect(svg.contains("</svg>C\(index)</span>"))
            #expect(svg.contains("<li>C\(index): "))
        }
        #expect(svg.contains("Mastery (3)"))
        #expect(
            GrowthChart.render(lines: [], minimum: 1, maximum: 4, threshold: 3, label: "x", t: .english)
                .contains("No scored evidence to chart yet."))
    }
}
