import Foundation

/// Normalises Dutch names for identity matching, so that "Jan van der Berg", "J. van den Berg" and
/// "jan VANDERBERG" can be recognised as possibly the same person.
///
/// Case and diacritics are ignored (ö = o), prefixes (tussenvoegsels) are left out, and spelling variants
/// that Dutch registers often mix up are folded: ij/y, ss/s at the end (Janssen/Jansen), dt/d/t at the
/// end, ph/f, c/k, z/s, double vowels.
public enum NameKey {
    /// Family-name prefixes that are not part of the sort name.
    static let prefixes: Set<String> = [
        "van", "de", "der", "den", "het", "ter", "ten", "te", "in", "op", "'t", "t", "la", "le", "du", "d", "von", "zu",
        "el", "al", "da", "di", "dos", "das",
    ]

    /// The normalised family name without prefixes.
    public static func familyKey(_ familyName: String) -> String {
        let words = fold(familyName).split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
        let kept = words.drop { prefixes.contains($0) }
        return phonetic(kept.joined())
    }

    /// The normalised given name (first word only, since registers differ in listing further names).
    public static func givenKey(_ givenName: String) -> String {
        let first = fold(givenName).split(whereSeparator: { !$0.isLetter }).first.map(String.init) ?? ""
        return phonetic(first)
    }

    /// Lower case, diacritics removed.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "nl_NL"))
            .lowercased()
    }

    /// The spelling variants folded, in this order: each replaces every occurrence, left to right, in the result of
    /// the one before (so "eij" becomes "ey", not "yj"). Family keys are stored, so this order may not change.
    static let variants: [(from: [UInt16], to: [UInt16])] = [
        ("ij", "y"), ("ei", "y"), ("ph", "f"), ("ch", "g"), ("c", "k"), ("z", "s"), ("dt", "t"),
    ].map { (Array($0.0.utf16), Array($0.1.utf16)) }

    /// Folds spelling variants so that they compare equal.
    ///
    /// Works on UTF-16 units as Foundation's `replacingOccurrences` did, without its bridging: that took a twentieth
    /// of a person search (a key for the person asked and one for every candidate).
    static func phonetic(_ text: String) -> String {
        var units = Array(text.filter(\.isLetter).utf16)
        for (from, to) in variants { replace(from, with: to, in: &units) }
        let s = String(decoding: units, as: UTF16.self)
        // Collapse doubled letters (Janssen/Jansen, Mulder/Mullder, Kees/Kes).
        var collapsed = ""
        for character in s where collapsed.last != character { collapsed.append(character) }
        if collapsed.hasSuffix("d") { collapsed = String(collapsed.dropLast()) + "t" }
        return collapsed
    }

    /// Replaces every occurrence of `pattern` in `units`, left to right, without overlaps.
    private static func replace(_ pattern: [UInt16], with replacement: [UInt16], in units: inout [UInt16]) {
        guard units.count >= pattern.count else { return }
        var result: [UInt16] = []
        result.reserveCapacity(units.count)
        var index = 0
        var changed = false
        while index < units.count {
            if units[index] == pattern[0], index + pattern.count <= units.count,
                units[index..<(index + pattern.count)].elementsEqual(pattern)
            {
                result += replacement
                index += pattern.count
                changed = true
            } else {
                result.append(units[index])
                index += 1
            }
        }
        if changed { units = result }
    }
}
