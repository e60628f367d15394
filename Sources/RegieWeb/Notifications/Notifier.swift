import Foundation
import RegieCore
import RegieStore
import SQLKit

/// Tells people in Regie that something needs them: a message in their inbox and, when Regie has an SMTP
/// relay, an e-mail with only a link. Called inside the transaction of the action that caused it, so a
/// message exists exactly when the action was stored.
struct Notifier {
    let app: WebApp

    func tell(
        _ users: Set<UserID>, _ kind: NotificationStore.Kind, household: HouseholdID, network: NetworkID,
        reference: String, key: String, link: String? = nil, on db: any SQLDatabase
    ) async throws {
        try await NotificationStore.notify(
            users, kind, about: household, network: network, reference: reference,
            link: link ?? "/cases/\(household.rawValue)", key: key, emailing: app.configuration.mail != nil, on: db)
    }

    /// The active users with `roles` in `network`.
    func users(with roles: [Role], in network: NetworkID, on db: any SQLDatabase) async throws -> Set<UserID> {
        var users = Set<UserID>()
        for role in roles {
            users.formUnion(try await UserStore.users(with: role, in: network, on: db).filter(\.active).map(\.id))
        }
        return users
    }

    /// The e-mail announcing a message: a fixed text and a link to the inbox — no name, reference or content
    /// of any household, because e-mail leaves the protected environment.
    static func email(name: String, publicURL: String) -> (subject: String, body: String) {
        (
            "Regie: er staat een bericht voor u klaar",
            """
            Beste \(name),

            In Regie staat een nieuw bericht voor u. Open het na inloggen via:
            \(publicURL)/notifications

            Dit e-mailbericht bevat bewust geen gegevens over personen of huishoudens.
            U ontvangt het omdat u in Regie werkt voor een zorgnetwerk.
            """
        )
    }
}
