import Foundation

/// CSV that Dutch Excel opens as it should: semicolons between fields, UTF-8 with a byte-order mark, CRLF line
/// ends, fields quoted when they hold a separator, a quote or a line break.
enum DutchCSV {
    static func document(header: [String], rows: [[String]]) -> String {
        "\u{FEFF}" + ([header] + rows).map { $0.map(field).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    private static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
