import Foundation

/// The rules a new password must meet; the messages are translation keys.
public enum PasswordPolicy {
    public static let minimumLength = 12

    /// Passwords so common that length alone does not make them safe.
    private static let common: Set<String> = [
        "welkom123456", "wachtwoord12", "wachtwoord123", "password1234", "123456789012", "qwertyuiop12",
        "zomer2026!!!", "regieregie12",
    ]

    /// Returns the translation key of the first rule `password` breaks, or `nil` when it is acceptable.
    public static func problem(with password: String, email: String) -> String? {
        if password.count < minimumLength { return "error.password_too_short" }
        let lowered = password.lowercased()
        if common.contains(lowered) { return "error.password_too_common" }
        if !email.isEmpty && lowered.contains(email.lowercased()) { return "error.password_contains_email" }
        if Set(password).count < 4 { return "error.password_too_simple" }
        return nil
    }
}
