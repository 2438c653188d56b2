import Foundation
import MasteryCore

/// The growth chart with one line per competency (a chosen few): each competency its own colour, dash pattern
/// and marker shape (never colour alone), named in the legend; the screen-reader list gives each competency's
/// points in words.
extension GrowthChart {
    struct Line {
        var name: String
        var points: [Point]
    }

    /// At most this many lines: more is not readable.
    static let maximumLines = 4

    static func render(
        lines: [Line], minimum: Double = 0, maximum: Double, threshold: Double, label: String, t: Translator
    ) -> String {
        let lines = Array(lines.filter { !$0.points.isEmpty }.prefix(maximumLines))
        guard let canvas = Canvas(points: lines.flatMap(\.points), minimum: minimum, maximum: maximum) else {
            return "<p class=\"muted\">\(escape(t("No scored evidence to chart yet.")))</p>"
        }
        var svg = canvas.open(label: label, threshold: threshold, t: t)
        for (index, line) in lines.enumerated() {
            svg += "<g class=\"series series-\(index)\">"
            let running = line.points.compactMap { point in
                point.running.map { "\(canvas.x(point.date)),\(canvas.y($0))" }
            }
            if running.count > 1 {
                svg += "<polyline points=\"\(running.joined(separator: " "))\" class=\"line\"/>"
            }
            for point in line.points { svg += marker(index, x: canvas.x(point.date), y: canvas.y(point.score)) }
            svg += "</g>"
        }
        svg += "</svg>"
        // Each competency's line as drawn, by name; the threshold.
        svg += "<figcaption class=\"chart-legend small\" aria-hidden=\"true\">"
        for (index, line) in lines.enumerated() {
            svg += "<span class=\"legend-series\"><svg viewBox=\"0 0 28 12\" width=\"28\" height=\"12\" "
            svg += "class=\"series series-\(index)\"><line x1=\"1\" x2=\"27\" y1=\"6\" y2=\"6\" class=\"line\"/>"
            svg += marker(index, x: 14, y: 6, radius: 3.5) + "</svg>\(escape(line.name))</span>"
        }
        svg += "<span class=\"legend-threshold\"></span>\(escape(t("Mastery")))</figcaption>"
        svg += "<ul class=\"sr-only\">"
        for line in lines {
            let words = line.points.map { GrowthChart.words($0, line: t("Level so far"), t) }
            svg += "<li>\(escape(line.name)): \(escape(words.joined(separator: ". ")))</li>"
        }
        svg += "</ul></figure>"
        return svg
    }

    /// A score's marker for line `index`: circle, square, triangle, diamond.
    static func marker(_ index: Int, x: Double, y: Double, radius: Double = 5) -> String {
        let r = radius
        switch index % maximumLines {
        case 1: return "<rect x=\"\(x - r)\" y=\"\(y - r)\" width=\"\(2 * r)\" height=\"\(2 * r)\" class=\"score\"/>"
        case 2:
            return "<polygon points=\"\(x),\(y - r - 1) \(x + r + 1),\(y + r) \(x - r - 1),\(y + r)\" class=\"score\"/>"
        case 3:
            return
                "<polygon points=\"\(x),\(y - r - 1) \(x + r + 1),\(y) \(x),\(y + r + 1) \(x - r - 1),\(y)\" class=\"score\"/>"
        default: return "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(r)\" class=\"score\"/>"
        }
    }
}
