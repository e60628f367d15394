import Foundation

/// Normalises and checks e-mail addresses, the login name of every user.
public enum EmailAddress {
    /// Lower-cased and trimmed, so "A.Jansen@Ggd.nl " and "a.jansen@ggd.nl" are one account.
    public static func normalise(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// A deliberately plain check: one @, something before it, a dot in the domain, no spaces.
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !text.contains(" ") else { return false }
        return !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
    }
}
