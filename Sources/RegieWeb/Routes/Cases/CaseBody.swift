import Foundation
import RegieCore

/// The case page's body (everything inside the layout) as HTML, kept per app server for the views it is the same
/// for. With the facts kept (`CaseFactsCache`), rendering the 75 kB file — two dozen forms, the picture, the
/// conferences — was most of a view. What the body shows follows from this key alone: the facts at their version
/// and the directory's, the access context read for this view, what the policy lets this viewer do there and
/// the viewer's roles in the network (which forms are offered), the directors' caseloads, the care budget, the
/// day (norms, default dates) and the language. Two viewers whose key is equal see the same body; a viewer who
/// may do less never gets the body of one who may do more, because what they may do is in the key.
///
/// The form token differs per session, so the body is kept with a mark in its place that only this process knows
/// and each view puts its own token there. A view with a refused form (its input and problems) or under break the
/// glass is rendered afresh and not kept. Every view is still decided and logged before its body is looked up.
struct CaseBody: Hashable, Sendable {
    let household: HouseholdID
    let stamp: String
    let context: HouseholdAccessContext
    let allowed: Set<AccessAction>
    let roles: Set<Role>
    let caseloads: [UserID: Int]
    let careBudget: CareBudget?
    let day: Day
    let locale: String

    /// Stands in for the form token in a kept body; random per process, so no text in a file can contain it.
    static let tokenMark = "~csrf~" + UUID().uuidString

    /// The key of `view`'s body on `day`.
    init(_ view: CaseView, day: Day) {
        let grant = view.facts.grant
        household = grant.context.household
        stamp = view.facts.stamp
        context = grant.context
        allowed = Set(AccessAction.allCases.filter(view.may))
        roles = grant.actor.roles(in: grant.context.network)
        caseloads = view.caseloads
        careBudget = view.facts.careBudget
        self.day = day
        locale = view.locale
    }

    /// The body for the session whose form token is `csrf`: the kept one, or the one rendered now from `values`.
    func html(app: WebApp, csrf: String, values: () -> [String: Any]) -> String {
        let kept = app.caseBodies.html(for: self) {
            Self.render(app: app, locale: locale, csrf: Self.tokenMark, values: values())
        }
        return Self.fillIn(csrf, into: kept)
    }

    /// `html` with `csrf` wherever the mark stands, searched byte by byte: Foundation's `replacingOccurrences`
    /// goes through NSString on Linux and took half of a kept view. The mark begins with a byte that is rare in
    /// HTML, so few places are compared in full.
    static func fillIn(_ csrf: String, into html: String) -> String {
        var html = html
        return html.withUTF8 { text in
            let mark = Array(tokenMark.utf8)
            var filled: [UInt8] = []
            filled.reserveCapacity(text.count + 32 * csrf.utf8.count)
            var copied = 0
            var at = 0
            while at + mark.count <= text.count, let candidate = text[at...].firstIndex(of: mark[0]) {
                guard candidate + mark.count <= text.count else { break }
                if text[candidate..<candidate + mark.count].elementsEqual(mark) {
                    filled.append(contentsOf: text[copied..<candidate])
                    filled.append(contentsOf: csrf.utf8)
                    copied = candidate + mark.count
                    at = copied
                } else {
                    at = candidate + 1
                }
            }
            filled.append(contentsOf: text[copied...])
            return String(decoding: filled, as: UTF8.self)
        }
    }

    /// Renders a body from `values` with `csrf` as the form token.
    static func render(app: WebApp, locale: String, csrf: String, values: [String: Any]) -> String {
        var values = values
        values["csrf"] = csrf
        return app.views.fragment("case_body", locale: locale, values: values)
    }
}
