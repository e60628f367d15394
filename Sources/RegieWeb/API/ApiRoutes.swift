import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// The JSON API for partner systems (`/api/v1`), described in `openapi.yaml`.
///
/// Household routes are added by the process capabilities; every one of them goes through the access guard.
struct ApiRoutes {
    let app: WebApp

    struct Me: Encodable {
        let id: String, name: String, email: String, organisation: Org
        let roles: [RoleOut]
    }
    struct Org: Encodable { let id: String, name: String }
    struct RoleOut: Encodable { let role: String, network: String? }
    struct OrganisationOut: Encodable { let id: String, name: String, kind: String, active: Bool }
    struct NetworkOut: Encodable {
        let id: String, name: String, municipality: String, neighbourhoods: [String], profile: String
        let members: [MemberOut]
    }
    struct MemberOut: Encodable { let organisation: String, partnerType: String }

    func register(_ routes: RecordedGroup) {
        routes.get("me") { _, context in
            let user = try signedIn(context)
            return try json(
                Me(
                    id: user.account.id.rawValue, name: user.account.name, email: user.account.email,
                    organisation: Org(id: user.account.organisation.rawValue, name: user.organisationName),
                    roles: user.assignments.sorted { $0.role < $1.role }
                        .map { RoleOut(role: $0.role.rawValue, network: $0.network?.rawValue) }))
        }
        routes.get("organisations") { _, context in
            _ = try signedIn(context)
            let organisations = try await OrganisationStore.all(on: app.database.sql)
            return try json(
                organisations.map {
                    OrganisationOut(id: $0.id.rawValue, name: $0.name, kind: $0.kind.rawValue, active: $0.active)
                })
        }
        routes.get("networks") { _, context in
            let user = try signedIn(context)
            var out: [NetworkOut] = []
            for network in try await NetworkStore.all(on: app.database.sql)
            where user.isAdministrator || user.actor.networks.contains(network.id) {
                let members = try await NetworkStore.members(of: network.id, on: app.database.sql)
                out.append(
                    NetworkOut(
                        id: network.id.rawValue, name: network.name, municipality: network.municipality,
                        neighbourhoods: network.neighbourhoods, profile: network.profileCode,
                        members: members.map {
                            MemberOut(
                                organisation: $0.organisation.rawValue,
                                partnerType: $0.partnerType.rawValue)
                        }))
            }
            return try json(out)
        }
        routes.get("profiles") { _, context in
            _ = try signedIn(context)
            return try json(app.profiles.profiles)
        }
        SignalApi(app: app).register(routes)
        IntakeApi(app: app).register(routes)
        FigureApi(app: app).register(routes)
        CaseApi(app: app).register(routes)
    }

    private func signedIn(_ context: AppRequestContext) throws -> SignedInUser {
        guard let user = context.identity else { throw HTTPError(.unauthorized, message: "error.api_token_missing") }
        return user
    }

    private func json(_ value: some Encodable) throws -> Response { try JSONEncoder().encodeResponse(value) }
}
