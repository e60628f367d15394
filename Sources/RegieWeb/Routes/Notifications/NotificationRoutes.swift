import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// The user's messages ("Berichten"): what happened, on which case (by reference), when; opening one marks it
/// read and goes to the case, where the access policy decides again.
struct NotificationRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.get("notifications") { request, context in try await list(request, context) }
        routes.post("notifications/read") { request, context in
            guard let user = context.identity else { throw HTTPError(.unauthorized) }
            _ = try await app.form(request, context)
            try await app.database.write { db in try await NotificationStore.markRead(nil, for: user.account.id, on: db)
            }
            return .redirect(to: "/notifications", type: .found)
        }
        routes.post("notifications/:notification/open") { request, context in
            guard let user = context.identity else { throw HTTPError(.unauthorized) }
            _ = try await app.form(request, context)
            let id = try context.parameters.require("notification")
            let messages = try await NotificationStore.messages(for: user.account.id, on: app.database.sql)
            guard let message = messages.first(where: { $0.id == id }) else {
                throw HTTPError(.notFound, message: "error.not_found")
            }
            try await app.database.write { db in try await NotificationStore.markRead(id, for: user.account.id, on: db)
            }
            return .redirect(to: message.link, type: .found)
        }
    }

    private func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let user = context.identity else { throw HTTPError(.unauthorized) }
        let t = app.views.translations
        let messages = try await NotificationStore.messages(for: user.account.id, on: app.database.sql)
        return app.views.render(
            "notifications", page: try await app.page("notifications.title", context),
            values: [
                "messages": messages.map { message -> [String: Any] in
                    [
                        "id": message.id, "text": t.text("notification.\(message.kind)", context.locale),
                        "reference": message.reference, "at": DutchFormat.moment(Date(millis: message.createdAt)),
                        "unread": message.readAt == nil,
                    ]
                },
                "hasMessages": !messages.isEmpty, "hasUnread": messages.contains { $0.readAt == nil },
            ])
    }
}
