import Foundation
import RegieCore

/// What the layout of every page needs: title, language, CSRF token and the signed-in user.
public struct Page {
    public var title: String
    public var locale: String
    public var csrf: String
    public var user: SignedInUser?
    /// A confirmation to show at the top, as a translation key (set after a redirect: Post/Redirect/Get).
    public var notice: String?
    /// The networks of the switcher and the one chosen.
    public var networks: [Network] = []
    public var currentNetwork: NetworkID?
    /// The user's unread messages, shown beside "Berichten".
    public var unread = 0

    public init(title: String, context: AppRequestContext, notice: String? = nil) {
        self.title = title
        self.locale = context.locale
        self.csrf = context.csrfToken
        self.user = context.identity
        self.notice = notice
    }

    func values(translations: Translations) -> [String: Any] {
        var values: [String: Any] = [
            "title": title, "lang": locale, "csrf": csrf, "t": translations.table(locale),
        ]
        if let notice, translations.has(notice) { values["notice"] = translations.text(notice, locale) }
        if let user {
            // `user.name` greets on the home page; the rest of the top bar is written by Swift.
            values["user"] = ["name": user.account.name]
            let texts = TemplateTexts(table: translations.table(locale))
            values["header"] = PageHeader(page: self, user: user, texts: texts).html
        }
        return values
    }
}
