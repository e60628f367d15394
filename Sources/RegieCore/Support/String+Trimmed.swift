import Foundation

extension String {
    /// The text without leading and trailing spaces and line breaks: how typed input is stored and checked.
    public var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
