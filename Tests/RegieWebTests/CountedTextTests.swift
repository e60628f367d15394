import Foundation
import Testing

@testable import RegieWeb

/// A count of one takes the singular text (`key.one`); every other count, and a key without a singular, the plural.
@Suite("Counted texts: one household, two households")
struct CountedTextTests {
    @Test("One takes the singular; zero and more take the plural; a key without a singular keeps its text")
    func singular() throws {
        let translations = try Translations.bundled()
        let text = { (count: Int, locale: String) in
            String(format: translations.text("cases.without_director", count: count, locale), count)
        }
        #expect(text(1, "nl") == "1 open casus zonder regisseur.")
        #expect(text(0, "nl") == "0 open casussen zonder regisseur.")
        #expect(text(2, "nl") == "2 open casussen zonder regisseur.")
        #expect(text(1, "en") == "1 open case without a director.")
        #expect(translations.text("signals.page_of", count: 1, "nl") == translations.text("signals.page_of", "nl"))
    }

    @Test("Every singular fills in the same values as its plural, in both languages")
    func sameValues() throws {
        let translations = try Translations.bundled()
        let singulars = translations.table("nl").keys.filter { $0.hasSuffix("_one") }
        #expect(!singulars.isEmpty)
        for locale in Translations.locales {
            let table = translations.table(locale)
            for singular in singulars {
                let plural = try #require(table[String(singular.dropLast(4))], "\(singular) without a plural")
                let values = { (text: String) in text.matches(of: /%[@d]/).map { String($0.0) } }
                #expect(values(table[singular] ?? "") == values(plural), "\(locale): \(singular)")
            }
        }
    }
}
