import Foundation

/// A parsed `application/x-www-form-urlencoded` body; repeated names (checkboxes) keep every value.
public struct FormData: Sendable {
    private var values: [String: [String]] = [:]

    public init(body: String) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[name, default: []].append(value)
        }
    }

    /// The first value of `name`, without control characters and trimmed of surrounding white space; `nil` when
    /// absent.
    public func value(_ name: String) -> String? {
        values[name]?.first.map { Self.clean($0).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// The first value without control characters but otherwise as typed (a description keeps its indentation).
    public func text(_ name: String) -> String? { values[name]?.first.map(Self.clean) }

    /// The first value as sent (passwords may end in a space or hold any character).
    public func raw(_ name: String) -> String? { values[name]?.first }

    /// Every value of `name`, for checkbox groups, without control characters.
    public func all(_ name: String) -> [String] { (values[name] ?? []).map(Self.clean) }

    /// The names of fields whose value is longer than `limit` characters.
    public func fields(longerThan limit: Int) -> [String] {
        values.filter { $0.value.contains { $0.count > limit } }.map(\.key).sorted()
    }

    /// Text without control characters (NUL, escape sequences, C1 codes) other than tab and line breaks: no text a
    /// professional types holds them, and stored they would garble the file, exports and e-mails.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isControl($0) }))
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control && !["\t", "\n", "\r"].contains(scalar)
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
