import Foundation
import HummingbirdOTP

/// Time-based one-time passwords (RFC 6238) as used by authenticator apps.
public enum TwoFactor {
    /// A new secret: 20 random characters whose bytes are the HMAC key.
    public static func makeSecret() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// The 30-second time step whose code was typed: the current one or one either side, for clock drift.
    /// `nil` when the code matches none. Callers claim the step so that each code works only once.
    public static func matchingStep(code: String, secret: String, at date: Date = Date()) -> Int64? {
        let digits = code.filter(\.isNumber)
        guard digits.count == 6, let value = Int(digits) else { return nil }
        let totp = TOTP(secret: secret)
        for offset in [-30.0, 0, 30] where totp.compute(date: date.addingTimeInterval(offset)) == value {
            return Int64((date.timeIntervalSince1970 + offset) / 30)
        }
        return nil
    }

    /// The key as an authenticator app wants it typed: base32 in groups of four.
    public static func displayKey(for secret: String) -> String {
        let encoded = base32(Array(secret.utf8))
        return stride(from: 0, to: encoded.count, by: 4).map { start in
            let from = encoded.index(encoded.startIndex, offsetBy: start)
            let to = encoded.index(from, offsetBy: min(4, encoded.count - start))
            return String(encoded[from..<to])
        }.joined(separator: " ")
    }

    /// The `otpauth://` link that authenticator apps accept.
    public static func authenticatorURL(secret: String, account: String, issuer: String) -> String {
        TOTP(secret: secret).createAuthenticatorURL(label: "\(issuer):\(account)", issuer: issuer)
    }

    /// RFC 4648 base32 without padding.
    static func base32(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var output = ""
        var buffer = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return output
    }
}
