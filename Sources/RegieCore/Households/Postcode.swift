/// A Dutch postcode: four digits (not starting with 0) and two letters, stored as `1234 AB`.
public struct Postcode: CheckedText {
    public let value: String

    /// Accepts `1234AB`, `1234 ab`, `1234  AB`; refuses the letter pairs SA, SD and SS, which PostNL never issues.
    public init?(_ text: String) {
        let compact = text.filter { !$0.isWhitespace }.uppercased()
        guard compact.count == 6 else { return nil }
        let digits = compact.prefix(4)
        let letters = compact.suffix(2)
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.first != "0",
            letters.allSatisfy({ $0.isASCII && $0.isLetter }), !["SA", "SD", "SS"].contains(String(letters))
        else { return nil }
        self.value = "\(digits) \(letters)"
    }

    public var text: String { value }
}
