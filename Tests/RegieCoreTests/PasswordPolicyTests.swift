import Testing

@testable import RegieCore

@Suite("Password policy and e-mail addresses")
struct PasswordPolicyTests {
    @Test("Passwords need 12 characters, variety, and must not be common or contain the e-mail")
    func rules() {
        #expect(PasswordPolicy.problem(with: "kort", email: "a@b.nl") == "error.password_too_short")
        #expect(PasswordPolicy.problem(with: "Welkom123456", email: "a@b.nl") == "error.password_too_common")
        #expect(PasswordPolicy.problem(with: "aaaaaaaaaaaaaaaa", email: "a@b.nl") == "error.password_too_simple")
        #expect(PasswordPolicy.problem(with: "x-jan@ggd.nl-x", email: "jan@ggd.nl") == "error.password_contains_email")
        #expect(PasswordPolicy.problem(with: "paarse fiets op het dak", email: "jan@ggd.nl") == nil)
    }

    @Test("E-mail addresses are normalised and checked")
    func email() {
        #expect(EmailAddress.normalise("  A.Jansen@GGD.nl ") == "a.jansen@ggd.nl")
        #expect(EmailAddress.isValid("a.jansen@ggd.nl"))
        #expect(!EmailAddress.isValid("a.jansen"))
        #expect(!EmailAddress.isValid("a@b"))
        #expect(!EmailAddress.isValid("a b@c.nl"))
        #expect(!EmailAddress.isValid("@c.nl"))
    }
}
