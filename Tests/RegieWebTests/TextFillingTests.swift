import Foundation
import Testing

@testable import RegieWeb

/// `Translations.filling` writes a worklist's reasons without Foundation's formatter; for the texts it is used on
/// it must read exactly as `String(format:)` would.
@Suite("Text filling: %@ and %d without String(format:)")
struct TextFillingTests {
    @Test("Every worklist reason, in both languages, reads as String(format:) fills it")
    func sameAsFormat() throws {
        let translations = try Translations.bundled()
        let keys = translations.tables["nl", default: [:]].keys.filter { $0.hasPrefix("worklist.why.") }
        #expect(keys.count > 10)
        for locale in Translations.locales {
            for key in keys {
                let text = translations.text(key, locale)
                let values = ["3", "Ketenregie & <zorg>"]
                let expected = String(
                    format: text, arguments: Array(values.prefix(text.components(separatedBy: "%@").count - 1)))
                #expect(Translations.filling(text, with: values) == expected, "\(locale) \(key)")
            }
        }
    }

    @Test("The home page's and the pagers' counted texts, in both languages, read as String(format:) fills them")
    func countedTexts() throws {
        let translations = try Translations.bundled()
        for locale in Translations.locales {
            let more = translations.text("home.worklist_more", locale)
            #expect(Translations.filling(more, with: ["12", "Signaal"]) == String(format: more, 12, "Signaal"))
            let unread = translations.text("home.unread_messages", locale)
            #expect(Translations.filling(unread, with: ["3"]) == String(format: unread, 3))
            for key in ["signals.page_of", "cases.page_of"] {
                let pageOf = translations.text(key, locale)
                #expect(Translations.filling(pageOf, with: ["2", "11", "1050"]) == String(format: pageOf, 2, 11, 1050))
            }
        }
    }

    @Test("Placeholders in order, %% as one %, other signs and a trailing % as written, missing values left open")
    func placeholders() {
        #expect(Translations.filling("%@ van %@", with: ["1", "2"]) == "1 van 2")
        #expect(Translations.filling("geen teken", with: ["1"]) == "geen teken")
        #expect(Translations.filling("100%% en %@", with: ["klaar"]) == "100% en klaar")
        #expect(Translations.filling("%d blijft, % ook %", with: []) == "%d blijft, % ook %")
        #expect(Translations.filling("%d en %ld, %x", with: ["1", "2"]) == "1 en 2, %x")
        #expect(Translations.filling("%@ en %@", with: ["één"]) == "één en %@")
        #expect(Translations.filling("%@", with: ["%@"]) == "%@", "a value is not filled again")
    }
}
