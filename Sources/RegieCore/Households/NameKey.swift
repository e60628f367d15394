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

    /// Folds spelling variants so that they compare equal.
    static func phonetic(_ text: String) -> String {
        var s = text.filter(\.isLetter)
        for (from, to) in [("ij", "y"), ("ei", "y"), ("ph", "f"), ("ch", "g"), ("c", "k"), ("z", "s"), ("dt", "t")] {
            s = s.replacingOccurrences(of: from, with: to)
        }
        // Collapse doubled letters (Janssen/Jansen, Mulder/Mullder, Kees/Kes).
        var collapsed = ""
        for character in s where collapsed.last != character { collapsed.append(character) }
        if collapsed.hasSuffix("d") { collapsed = String(collapsed.dropLast()) + "t" }
        return collapsed
    }
}
