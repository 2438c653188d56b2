import Foundation
import MasteryCore

/// A small SVG line chart of a student's scores over time, drawn in Swift: a dot for each score and a line for
/// the level so far, against the mastery threshold (labelled), from the scale's lowest level to its highest,
/// with the dates along the bottom. A legend says what dot and line are, and a list read by screen readers
/// gives every point in words.
enum GrowthChart {
    struct Point {
        var date: Date
        var score: Double
        var running: Double?
    }

    /// `empty` is said instead when nothing was scored yet; `line` names the line in the legend.
    static func render(
        points: [Point], minimum: Double = 0, maximum: Double, threshold: Double, label: String,
        line: String? = nil, t: Translator
    ) -> String {
        guard
            let canvas = Canvas(
                points: points, minimum: minimum, maximum: maximum)
        else { return "<p class=\"muted\">\(escape(t("No scored evidence to chart yet.")))</p>" }
        let lineName = line ?? t("Level so far")
        var svg = canvas.open(label: label, threshold: threshold, t: t)
        let running = points.compactMap { point in point.running.map { "\(canvas.x(point.date)),\(canvas.y($0))" } }
        if running.count > 1 {
            svg += "<polyline points=\"\(running.joined(separator: " "))\" class=\"running\"/>"
        }
        for point in points {
            svg += "<circle cx=\"\(canvas.x(point.date))\" cy=\"\(canvas.y(point.score))\" r=\"5\" class=\"score\"/>"
        }
        svg += "</svg>"
        // What dot and line mean, then every point in words for screen readers.
        svg += "<figcaption class=\"chart-legend small\" aria-hidden=\"true\">"
        svg += "<span class=\"legend-score\"></span>\(escape(t("A score")))"
        svg += "<span class=\"legend-running\"></span>\(escape(lineName))"
        svg += "<span class=\"legend-threshold\"></span>\(escape(t("Mastery")))</figcaption>"
        svg += "<ul class=\"sr-only\">"
        for point in points { svg += "<li>\(escape(words(point, line: lineName, t)))</li>" }
        svg += "</ul></figure>"
        return svg
    }

    /// A point in words: its day, its score and the level so far.
    static func words(_ point: Point, line: String, _ t: Translator) -> String {
        var text = t(
            "{date}: a score of {score}", ["date": t.date(point.date), "score": DisplayNumber.text(point.score)])
        if let value = point.running {
            text += "; " + t("{line}: {value}", ["line": line, "value": DisplayRounding.text(value)])
        }
        return text
    }

    /// The drawing area: scores from the scale's lowest level (or lower, when a score is) to its highest up the
    /// side, days along the bottom.
    struct Canvas {
        let width = 560.0
        let height = 220.0
        let left = 34.0
        let right = 16.0
        let top = 14.0
        let bottom = 34.0
        let minimum: Double
        let maximum: Double
        let earliest: Date
        let latest: Date

        init?(points: [Point], minimum: Double, maximum: Double) {
            guard let lowest = points.map(\.score).min(), let earliest = points.map(\.date).min(),
                let latest = points.map(\.date).max(), maximum > minimum
            else { return nil }
            // A score below the scale's lowest level (0 on a 1–4 scale is allowed) still lands on the chart.
            self.minimum = min(minimum, lowest.rounded(.down))
            self.maximum = maximum
            self.earliest = earliest
            self.latest = latest
        }

        var span: Double { max(latest.timeIntervalSince1970 - earliest.timeIntervalSince1970, 1) }

        func x(_ date: Date) -> Double {
            earliest == latest
                ? (left + width - right) / 2
                : left + (date.timeIntervalSince1970 - earliest.timeIntervalSince1970) / span * (width - left - right)
        }

        func y(_ value: Double) -> Double {
            height - bottom - (value - minimum) / (maximum - minimum) * (height - top - bottom)
        }

        /// The figure and SVG opened, with the levels up the side, the threshold named on its line and the dates
        /// along the bottom (the first and last, and the middle when far apart).
        func open(label: String, threshold: Double, t: Translator) -> String {
            var svg =
                "<figure class=\"growth\"><svg class=\"growth-chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
            svg += "role=\"img\" aria-label=\"\(escape(label))\" xmlns=\"http://www.w3.org/2000/svg\">"
            svg += "<title>\(escape(label))</title>"
            let step = max(1, ((maximum - minimum) / 4).rounded())
            for tick in stride(from: minimum, through: maximum, by: step) {
                svg +=
                    "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(y(tick))\" y2=\"\(y(tick))\" class=\"grid\"/>"
                svg += "<text x=\"6\" y=\"\(y(tick) + 4)\" class=\"axis\">\(DisplayNumber.text(tick))</text>"
            }
            svg +=
                "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(y(threshold))\" y2=\"\(y(threshold))\" class=\"threshold\"/>"
            svg +=
                "<text x=\"\(width - right)\" y=\"\(y(threshold) - 4)\" text-anchor=\"end\" class=\"axis threshold-label\">"
            svg += "\(escape(t("Mastery ({value})", ["value": DisplayNumber.text(threshold)])))</text>"
            var dates = [earliest]
            if earliest != latest {
                if span > 20 * 86_400 {
                    dates.append(Date(timeIntervalSince1970: earliest.timeIntervalSince1970 + span / 2))
                }
                dates.append(latest)
            }
            for (index, date) in dates.enumerated() {
                let anchor =
                    dates.count == 1 ? "middle" : index == 0 ? "start" : index == dates.count - 1 ? "end" : "middle"
                svg += "<text x=\"\(x(date))\" y=\"\(height - 10)\" text-anchor=\"\(anchor)\" class=\"axis\">"
                svg += "\(escape(t.date(date)))</text>"
            }
            return svg
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
