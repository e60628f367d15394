import RegieCore

/// The top bar of every page for a signed-in user — network switcher, menu, name and sign-out — written by Swift.
///
/// It is the same on every page a user opens, and in Mustache it was its most expensive part: each of its tags sits
/// inside `{{#user}}` and climbs the context to find its value through the runtime's protocol casts. Written here it
/// also cannot pick up a page's own `networks` (the administration lists them too) for the switcher.
struct PageHeader {
    let page: Page
    let user: SignedInUser
    let texts: TemplateTexts

    /// Whether the menu offers `feature`: by the user's roles in the network they are working in.
    private func mayUse(_ feature: NetworkFeature) -> Bool {
        guard let network = page.currentNetwork else { return false }
        return AccessPolicy.mayUse(feature, roles: user.actor.roles(in: network))
    }

    /// The `<header>` element's contents after the brand link.
    var html: String {
        let csrf = HTMLEscaping.escape(page.csrf)
        var html = ""
        html.reserveCapacity(2_048 + page.networks.count * 80)
        if !page.networks.isEmpty {
            html += """
                <form class="switcher" method="post" action="/network">
                <input type="hidden" name="_csrf" value="\(csrf)">
                <label for="network-switch">\(texts.escaped("layout_network"))</label>
                <select id="network-switch" name="network">
                """
            for network in page.networks {
                let selected = network.id == page.currentNetwork ? " selected" : ""
                let id = HTMLEscaping.escape("\(network.id.rawValue)")
                html += "<option value=\"\(id)\"\(selected)>\(HTMLEscaping.escape(network.name))</option>"
            }
            html += "</select>\n<button type=\"submit\">\(texts.escaped("layout_switch"))</button>\n</form>\n"
        }
        html += "<nav class=\"menu\" aria-label=\"\(texts.escaped("layout_menu"))\">\n"
        for (path, key, shown) in menu {
            guard shown else { continue }
            html += "<a href=\"\(path)\">\(texts.escaped(key))</a>\n"
        }
        html += "<a href=\"/notifications\">\(texts.escaped("layout_notifications"))"
        if page.unread > 0 {
            html +=
                " <span class=\"tag overdue-tag\" aria-label=\"\(texts.escaped("layout_unread"))\">\(page.unread)</span>"
        }
        html += "</a>\n"
        if user.isAdministrator { html += "<a href=\"/admin/users\">\(texts.escaped("layout_admin"))</a>\n" }
        html += """
            </nav>
            <div class="who">
            <span><a class="who-name" href="/account" title="\(texts.escaped("layout_account"))">\
            \(HTMLEscaping.escape(user.account.name))</a><br>\
            <span class="who-org">\(HTMLEscaping.escape(user.organisationName))</span></span>
            <form method="post" action="/logout" class="logout">
            <input type="hidden" name="_csrf" value="\(csrf)">
            <button type="submit">\(texts.escaped("layout_logout"))</button>
            </form>
            </div>
            """
        return html
    }

    /// The menu's links before the messages, each with whether this user sees it here.
    private var menu: [(path: String, key: String, shown: Bool)] {
        [
            // Signalling and the known-household check are offered only where the user may use them (a policy
            // officer or process manager works with figures and processes, not with persons).
            ("/", "layout_home", true), ("/signals/new", "layout_signal", mayUse(.signal)),
            ("/my-signals", "layout_my_signals", true), ("/who-is-involved", "layout_involved", mayUse(.signal)),
            ("/inbox", "layout_inbox", user.holds(.partnerWorker) || user.holds(.caseDirector)),
            ("/signals", "layout_signal_list", mayUse(.signalList)),
            ("/cases", "layout_cases", mayUse(.caseList)),
            ("/figures", "layout_figures", mayUse(.figures)),
            ("/policy-signals", "policy_signals_title", mayUse(.policySignals) && !mayUse(.figures)),
            ("/meetings", "layout_meetings", mayUse(.networkMeetings)),
        ]
    }
}
