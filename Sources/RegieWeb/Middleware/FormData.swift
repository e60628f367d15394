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

    /// The first value of `name`, trimmed of surrounding white space; `nil` when absent.
    public func value(_ name: String) -> String? {
        values[name]?.first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// The first value without trimming (passwords may end in a space).
    public func raw(_ name: String) -> String? { values[name]?.first }

    /// Every value of `name`, for checkbox groups.
    public func all(_ name: String) -> [String] { values[name] ?? [] }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
