import Foundation
import Testing

@testable import RegieCore

@Suite("BSN, postcode and identity matching")
struct HouseholdIdentityTests {
    @Test("The 11-proef accepts valid BSNs and refuses typing errors")
    func bsn() {
        #expect(BSN("111222333")?.digits == "111222333")
        #expect(BSN("123456782") != nil)
        #expect(BSN("12345678") == nil, "8 digits get a leading zero: 012345678 fails the check")
        #expect(BSN("1112.22.333") != nil, "dots and spaces are ignored")
        #expect(BSN("111222334") == nil, "one digit off")
        #expect(BSN("000000000") == nil, "zero sum")
        #expect(BSN("11122233a") == nil)
        #expect(BSN("١١١٢٢٢٣٣٣") == nil, "only ASCII digits")
    }

    @Test("Postcodes are normalised and checked")
    func postcode() {
        #expect(Postcode("7511ab")?.value == "7511 AB")
        #expect(Postcode(" 7511  AB ")?.value == "7511 AB")
        #expect(Postcode("0511AB") == nil)
        #expect(Postcode("7511 SS") == nil)
        #expect(Postcode("751 AB") == nil)
        #expect(Postcode("7511 A1") == nil)
    }

    @Test("Family names compare without prefixes, case, diacritics and common spelling variants")
    func names() {
        #expect(NameKey.familyKey("van der Berg") == NameKey.familyKey("Berg"))
        #expect(NameKey.familyKey("Van den Berg") == NameKey.familyKey("VAN DER BERG"))
        #expect(NameKey.familyKey("Janssen") == NameKey.familyKey("Jansen"))
        #expect(NameKey.familyKey("Smit") == NameKey.familyKey("Smid"))
        #expect(NameKey.familyKey("Bijl") == NameKey.familyKey("Byl"))
        #expect(NameKey.familyKey("Çelik") == NameKey.familyKey("Celik"))
        #expect(NameKey.familyKey("de Vries") != NameKey.familyKey("de Jong"))
        #expect(NameKey.givenKey("Anne-Marie") == NameKey.givenKey("anne marie"))
    }

    @Test("Name keys are the ones stored before: each variant folded over the whole name in turn, as Foundation did")
    func keysAsStored() {
        // Family keys are stored with every person; the folding may not change for names already stored. Foundation's
        // `replacingOccurrences`, which made them, is the reference here.
        func reference(_ text: String) -> String {
            var s = text.filter(\.isLetter)
            for (from, to) in [("ij", "y"), ("ei", "y"), ("ph", "f"), ("ch", "g"), ("c", "k"), ("z", "s"), ("dt", "t")]
            {
                s = s.replacingOccurrences(of: from, with: to)
            }
            var collapsed = ""
            for character in s where collapsed.last != character { collapsed.append(character) }
            return collapsed.hasSuffix("d") ? String(collapsed.dropLast()) + "t" : collapsed
        }
        let pieces = [
            "e", "i", "j", "ij", "ei", "eij", "p", "h", "c", "ch", "z", "d", "t", "dt", "s", "a", "ß", "ø", "ł", "𝒜",
            "ω", "-", " ",
        ]
        var generator = SystemRandomNumberGenerator()
        var names = ["Feijen", "Heijdt", "Schijndel", "Zeij", "Pheidtd", "Chcchz", "Dijkstra", "Smidt"]
        for _ in 0..<2_000 {
            names.append((0..<Int.random(in: 1...9, using: &generator)).map { _ in pieces.randomElement()! }.joined())
        }
        for name in names { #expect(NameKey.phonetic(name) == reference(name), "\(name)") }
    }

    @Test("Matching proposes the same person only on BSN or family name with birth date")
    func matching() {
        let birth = Day("2011-03-04")
        let wanted = IdentityMatch.Facts(givenName: "Kees", familyName: "Janssen", birthDate: birth, bsn: nil)
        func candidate(_ given: String, _ family: String, _ day: Day?, _ bsn: String? = nil) -> IdentityMatch.Facts {
            IdentityMatch.Facts(givenName: given, familyName: family, birthDate: day, bsn: bsn.flatMap(BSN.init))
        }
        #expect(IdentityMatch.strength(of: candidate("Kees", "Jansen", birth), for: wanted) == .nameAndBirthDate)
        #expect(IdentityMatch.strength(of: candidate("K.", "Janssen", birth), for: wanted) == .familyNameAndBirthDate)
        #expect(IdentityMatch.strength(of: candidate("Piet", "Jansen", birth), for: wanted) == nil)
        #expect(IdentityMatch.strength(of: candidate("Kees", "Jansen", Day("2011-03-05")), for: wanted) == nil)
        let withBSN = IdentityMatch.Facts(givenName: "X", familyName: "Y", birthDate: nil, bsn: BSN("111222333"))
        #expect(IdentityMatch.strength(of: candidate("Kees", "Anders", nil, "111222333"), for: withBSN) == .sameBSN)
        #expect(
            IdentityMatch.strength(
                of: candidate("Kees", "Janssen", birth, "123456782"),
                for: IdentityMatch.Facts(
                    givenName: "Kees", familyName: "Janssen",
                    birthDate: birth, bsn: BSN("111222333"))) == nil,
            "a different BSN rules a person out")
    }
}
