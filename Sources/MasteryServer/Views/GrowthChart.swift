import Foundation
import MasteryCore

/// A small SVG line chart of a student's scores over time, drawn in Swift: dots for each score and a line
/// for the running mastery value. It carries a text alternative, and the same data is always listed in a
/// table beside it.
enum GrowthChart {
    struct Point {
        var date: Date
        var score: Double
        var running: Double?
    }

    /// `empty` is said instead when nothing was scored yet (in the reader's language).
    static func svg(
        empty: String = "No scored evidence to chart yet.", points: [Point], maximum: Double, threshold: Double,
        label: String
    ) -> String {
        let width = 560.0
        let height = 200.0
        let pad = 32.0
        guard !points.isEmpty, maximum > 0 else {
            return "<p class=\"muted\">\(escape(empty))</p>"
        }
        let first = points.first!.date.timeIntervalSince1970
        let span = max(points.last!.date.timeIntervalSince1970 - first, 1)
        func x(_ index: Int, _ date: Date) -> Double {
            points.count == 1 ? width / 2 : pad + (date.timeIntervalSince1970 - first) / span * (width - 2 * pad)
        }
        func y(_ value: Double) -> Double { height - pad - value / maximum * (height - 2 * pad) }
        var svg = "<svg class=\"growth-chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
        svg += "aria-label=\"\(escape(label))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>\(escape(label))</title>"
        for tick in stride(from: 0.0, through: maximum, by: max(1, (maximum / 4).rounded())) {
            svg += "<line x1=\"\(pad)\" x2=\"\(width - pad)\" y1=\"\(y(tick))\" y2=\"\(y(tick))\" class=\"grid\"/>"
            svg += "<text x=\"6\" y=\"\(y(tick) + 4)\" class=\"axis\">\(DisplayRounding.text(tick))</text>"
        }
        svg +=
            "<line x1=\"\(pad)\" x2=\"\(width - pad)\" y1=\"\(y(threshold))\" y2=\"\(y(threshold))\" class=\"threshold\"/>"
        let running = points.enumerated().compactMap { index, point in
            point.running.map { "\(x(index, point.date)),\(y($0))" }
        }
        if running.count > 1 {
            svg += "<polyline points=\"\(running.joined(separator: " "))\" class=\"running\"/>"
        }
        for (index, point) in points.enumerated() {
            svg += "<circle cx=\"\(x(index, point.date))\" cy=\"\(y(point.score))\" r=\"5\" class=\"score\"/>"
        }
        svg += "</svg>"
        return svg
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
