import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// The home page (the place of the worklist) and the network switcher.
struct HomeRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.get("") { request, context in try await home(request, context) }
        routes.post("network") { request, context in
            let form = try await app.form(request, context)
            let page = try await app.page("home.title", context)
            guard let chosen = page.networks.first(where: { $0.id.rawValue == form.value("network") }) else {
                throw HTTPError(.badRequest, message: "error.invalid_choice")
            }
            context.sessions.withLockedSession { $0?.networkID = chosen.id.rawValue }
            return .redirect(to: "/", type: .found)
        }
    }

    private func home(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        let notice = request.uri.queryParameters["notice"].map(String.init)
        let page = try await app.page("home.title", context, notice: notice)
        let t = app.views.translations
        var values: [String: Any] = [:]
        if let network = app.currentNetwork(context, among: page.networks) {
            let profile = app.profiles.profile(for: network)
            let roles = user.actor.roles(in: network.id).sorted().map { role in
                profile?.displayName(for: role, generic: t.text(role.textKey, context.locale))
                    ?? t.text(role.textKey, context.locale)
            }
            values["network"] = [
                "name": network.name, "municipality": network.municipality,
                "profile": profile?.name ?? network.profileCode, "roles": roles.joined(separator: ", "),
                "hasRoles": !roles.isEmpty,
            ]
            if let profile {
                let today = Day(Date())
                let everything = request.uri.queryParameters["alles"] == "1"
                let (work, leftOut, part) = try await Worklist(app: app, context: context).items(
                    network: network, profile: profile, limit: everything ? .everything : .page)
                values["workRows"] = WorklistRows(items: work, part: part, locale: context.locale, today: today)
                    .html(app: app)
                values["hasWork"] = !work.isEmpty
                let more = WorklistItem.Kind.allCases.compactMap { kind in
                    leftOut[kind].map {
                        Translations.filling(
                            t.text("home.worklist_more", context.locale),
                            with: [String($0), t.text(kind.textKey, context.locale)])
                    }
                }
                values["leftOut"] = more
                values["hasLeftOut"] = !more.isEmpty
            }
        }
        if page.unread > 0 {
            values["unreadMessages"] = Translations.filling(
                t.text("home.unread_messages", context.locale), with: [String(page.unread)])
            values["hasUnreadMessages"] = true
        }
        if user.isAdministrator { values["adminRole"] = t.text(Role.administrator.textKey, context.locale) }
        return app.views.render("home", page: page, values: values)
    }
}
