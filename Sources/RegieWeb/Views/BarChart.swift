import Foundation

/// A horizontal bar chart as server-rendered SVG: no JavaScript, readable on a projector, with the same numbers in
/// the accessible table beside it (the chart itself is `aria-hidden`). Protected counts get no bar.
enum BarChart {
    static let width = 360
    static let rowHeight = 24
    static let labelWidth = 170

    static func svg(_ bars: [(label: String, value: Int?)]) -> String {
        let largest = max(bars.compactMap(\.value).max() ?? 0, 1)
        let room = Double(width - labelWidth - 40)
        let rows = bars.enumerated().map { index, bar -> String in
            let y = index * rowHeight
            let length = bar.value.map { max(Double($0) / Double(largest) * room, $0 > 0 ? 2 : 0) } ?? 0
            let value = bar.value.map(String.init) ?? "—"
            return """
                <text x="\(labelWidth - 6)" y="\(y + 16)" text-anchor="end">\(HTMLEscaping.escape(short(bar.label)))</text>\
                <rect x="\(labelWidth)" y="\(y + 4)" width="\(String(format: "%.1f", length))" height="\(rowHeight - 8)"></rect>\
                <text x="\(labelWidth + Int(length) + 4)" y="\(y + 16)">\(value)</text>
                """
        }
        let height = max(bars.count, 1) * rowHeight
        return "<svg class=\"chart\" aria-hidden=\"true\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" "
            + "height=\"\(height)\" xmlns=\"http://www.w3.org/2000/svg\">" + rows.joined() + "</svg>"
    }

    /// The label as it fits beside the bar; the table beside the chart has it in full.
    private static func short(_ label: String) -> String { label.count <= 22 ? label : label.prefix(20) + "…" }
}
