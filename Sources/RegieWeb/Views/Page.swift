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

    /// Whether the menu offers `feature`: by the user's roles in the network they are working in.
    private func mayUse(_ feature: NetworkFeature, _ user: SignedInUser) -> Bool {
        guard let network = currentNetwork else { return false }
        return AccessPolicy.mayUse(feature, roles: user.actor.roles(in: network))
    }

    func values(translations: Translations) -> [String: Any] {
        var values: [String: Any] = [
            "title": title, "lang": locale, "csrf": csrf, "t": translations.table(locale),
        ]
        if let notice, translations.has(notice) { values["notice"] = translations.text(notice, locale) }
        if let user {
            values["user"] = [
                "name": user.account.name, "organisation": user.organisationName, "isAdmin": user.isAdministrator,
                "mayListSignals": mayUse(.signalList, user),
                "isPartner": user.holds(.partnerWorker) || user.holds(.caseDirector),
                "mayListCases": mayUse(.caseList, user), "mayPlanMeetings": mayUse(.networkMeetings, user),
                "mayFigures": mayUse(.figures, user),
                "mayPolicySignalsOnly": mayUse(.policySignals, user) && !mayUse(.figures, user),
                "unread": unread, "hasUnread": unread > 0,
            ]
            values["networks"] = networks.map { network in
                ["id": network.id.rawValue, "name": network.name, "selected": network.id == currentNetwork]
            }
            values["hasNetworks"] = !networks.isEmpty
        }
        return values
    }
}
