import RegieCore
import RegieStore
import Testing

@testable import RegieWeb

@Suite("SignalListPages")
struct SignalListPagesTests {
    static func key(_ start: Int, _ locale: String, _ profile: String = "enschede") -> SignalListPages.Key {
        SignalListPages.Key(
            start: start, locale: locale, profile: ProfileSettings(code: profile, overrides: ProfileOverrides()))
    }

    @Test("A page is made once per start, language and norms, and kept for the views after it")
    func keptPerKey() {
        let pages = SignalListPages()
        var made = 0
        func page(_ key: SignalListPages.Key) -> String {
            pages.page(key) {
                made += 1
                return SignalListPages.Shown(html: "pagina \(made)", isEmpty: false, log: AccessLogList([]))
            }.html
        }
        #expect(page(Self.key(0, "nl")) == "pagina 1")
        #expect(page(Self.key(0, "nl")) == "pagina 1", "kept")
        #expect(page(Self.key(0, "en")) == "pagina 2", "another language is made")
        #expect(page(Self.key(100, "nl")) == "pagina 3", "another page is made")
        #expect(page(Self.key(0, "nl", "zwolle")) == "pagina 4", "other norms are made")
        #expect(made == 4)
    }
}
