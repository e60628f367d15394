/// The Dutch citizen service number (burgerservicenummer), checked with the 11-proef.
///
/// Regie stores a BSN only when one is given, and only after this check, so typing errors do not link
/// a person to someone else's file.
public struct BSN: CheckedText {
    public let digits: String

    /// Accepts 9 digits (8 with a leading zero added), spaces and dots ignored, passing the 11-proef:
    /// 9×d1 + 8×d2 + … + 2×d8 − 1×d9 must be divisible by 11 (and not zero).
    public init?(_ text: String) {
        var digits = text.filter { !$0.isWhitespace && $0 != "." }
        if digits.count == 8 { digits = "0" + digits }
        guard digits.count == 9, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        let values = digits.compactMap { $0.wholeNumberValue }
        let weighted = (0..<8).reduce(0) { $0 + values[$1] * (9 - $1) } - values[8]
        guard weighted != 0, weighted % 11 == 0 else { return nil }
        self.digits = digits
    }

    public var text: String { digits }
}
