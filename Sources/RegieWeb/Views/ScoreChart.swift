import Foundation
import RegieCore

/// A small line chart of self-sufficiency scores over time, drawn as inline SVG on the server — no script,
/// readable on a projector and in print. The numbers are always in a table beside it (accessibility).
enum ScoreChart {
    /// One line: a label and its (day, score) points, oldest first.
    struct Line {
        let label: String
        let points: [(day: Day, value: Double)]
    }

    /// Colours that stay apart for the common forms of colour blindness (Okabe–Ito).
    private static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

    static func svg(_ lines: [Line], title: String) -> String {
        let days = Array(Set(lines.flatMap { $0.points.map(\.day) })).sorted()
        guard !days.isEmpty else { return "" }
        let width = 520.0, height = 200.0, left = 34.0, right = 140.0, top = 12.0, bottom = 26.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ day: Day) -> Double {
            days.count == 1
                ? left + plotWidth / 2 : left + plotWidth * Double(days.firstIndex(of: day)!) / Double(days.count - 1)
        }
        func y(_ value: Double) -> Double { top + plotHeight * (5 - value) / 4 }
        var svg = """
            <svg class="chart" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="\(HTMLEscaping.escape(title))" \
            xmlns="http://www.w3.org/2000/svg">
            """
        for score in 1...5 {
            let lineY = format(y(Double(score)))
            svg += "<line x1=\"\(Int(left))\" x2=\"\(format(left + plotWidth))\" y1=\"\(lineY)\" y2=\"\(lineY)\" "
            svg += "stroke=\"#d5dbe0\"/><text x=\"\(Int(left) - 8)\" y=\"\(lineY)\" dy=\"4\" text-anchor=\"end\" "
            svg += "font-size=\"11\">\(score)</text>"
        }
        for day in days {
            svg += "<text x=\"\(format(x(day)))\" y=\"\(Int(height) - 8)\" text-anchor=\"middle\" font-size=\"10\">"
            svg += "\(day.dutch)</text>"
        }
        for (index, line) in lines.enumerated() {
            let colour = colours[index % colours.count]
            let points = line.points.map { "\(format(x($0.day))),\(format(y($0.value)))" }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\" points=\"\(points)\"/>"
            for point in line.points {
                svg += "<circle cx=\"\(format(x(point.day)))\" cy=\"\(format(y(point.value)))\" r=\"3.5\" "
                svg += "fill=\"\(colour)\"/>"
            }
            let legendY = top + 14 * Double(index) + 6
            svg += "<rect x=\"\(format(width - right + 10))\" y=\"\(format(legendY - 8))\" width=\"10\" height=\"10\" "
            svg += "fill=\"\(colour)\"/><text x=\"\(format(width - right + 24))\" y=\"\(format(legendY + 1))\" "
            svg += "font-size=\"11\">\(HTMLEscaping.escape(String(line.label.prefix(20))))</text>"
        }
        return svg + "</svg>"
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
