/// An amount of money in whole cents, typed and shown the Dutch way ("1.250,50", "€ 1.250,50").
public struct Euro: Hashable, Comparable, Sendable, Codable {
    public let cents: Int

    public init(cents: Int) { self.cents = cents }

    /// Reads what a Dutch professional types: "1250", "1.250", "1250,5", "€ 1.250,50". A point is a thousands
    /// separator and a comma the decimal one, as in Dutch spreadsheets; more than two decimals or anything else
    /// than digits is refused rather than guessed.
    public init?(dutch text: String) {
        var typed = text.replacingOccurrences(of: "€", with: "").filter { !$0.isWhitespace }
        let negative = typed.hasPrefix("-")
        if negative { typed.removeFirst() }
        let parts = typed.split(separator: ",", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return nil }
        let groups = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            groups.count == 1 || groups.dropFirst().allSatisfy({ $0.count == 3 })
        else { return nil }
        guard let whole = Int(groups.joined()), whole <= 1_000_000_000 else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let decimals = parts[1]
            guard (1...2).contains(decimals.count), decimals.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = Int(decimals)
            else { return nil }
            fraction = decimals.count == 1 ? value * 10 : value
        }
        cents = (whole * 100 + fraction) * (negative ? -1 : 1)
    }

    /// "€ 1.250,50"; a negative amount as "-€ 25,00".
    public var dutch: String {
        let magnitude = abs(cents)
        var whole = String(magnitude / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "." + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + "€ " + whole + grouped + "," + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// The amount as it goes back into a form field, without the euro sign ("1.250,50").
    public var typed: String { String(dutch.replacingOccurrences(of: "€ ", with: "")) }

    public static func < (lhs: Euro, rhs: Euro) -> Bool { lhs.cents < rhs.cents }
    public static func + (lhs: Euro, rhs: Euro) -> Euro { Euro(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Euro, rhs: Euro) -> Euro { Euro(cents: lhs.cents - rhs.cents) }
    public static let zero = Euro(cents: 0)
}
