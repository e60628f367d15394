import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// Administrators list, add and change users and their roles per network, and unlock locked accounts.
struct UserAdminRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.get("users") { request, context in try await list(request, context) }
        routes.get("users/new") { _, context in try await form(context, user: nil) }
        routes.post("users/new") { request, context in try await save(request, context, existing: nil) }
        routes.get("users/:id") { _, context in try await form(context, user: try await find(context)) }
        routes.post("users/:id") { request, context in
            try await save(request, context, existing: try await find(context))
        }
        routes.post("users/:id/unlock") { _, context in
            let user = try await find(context)
            try await app.database.write { db in
                try await UserStore.unlock(user.id, on: db)
                try await AdminLogStore.append(
                    actor: context.identity?.account.id, entity: "user",
                    entityID: user.id.rawValue, action: "unlocked", details: user.email,
                    on: db)
            }
            return .redirect(to: "/admin/users?notice=notice.unlocked", type: .found)
        }
    }

    private func find(_ context: AppRequestContext) async throws -> UserAccount {
        guard let id = UserID(validating: try context.parameters.require("id")),
            let user = try await UserStore.find(id, on: app.database.sql)
        else { throw HTTPError(.notFound, message: "error.not_found") }
        return user
    }

    private func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let t = app.views.translations
        let db = app.database.sql
        let organisations = Dictionary(
            uniqueKeysWithValues: try await OrganisationStore.all(on: db).map { ($0.id, $0.name) })
        let networks = Dictionary(uniqueKeysWithValues: try await NetworkStore.all(on: db).map { ($0.id, $0.name) })
        var rows: [[String: Any]] = []
        for user in try await UserStore.all(on: db) {
            let roles = try await UserStore.roles(of: user.id, on: db).sorted {
                ($0.role, $0.network?.rawValue ?? "") < ($1.role, $1.network?.rawValue ?? "")
            }
            let described = roles.map { assignment in
                let role = t.text(assignment.role.textKey, context.locale)
                return assignment.network.map { "\(role) (\(networks[$0] ?? "?"))" } ?? role
            }
            rows.append([
                "id": user.id.rawValue, "name": user.name, "email": user.email,
                "organisation": organisations[user.organisation] ?? "", "roles": described.joined(separator: "; "),
                "active": user.active, "totp": user.totpEnabled,
                "locked": (user.lockedUntil ?? .distantPast) > Date(),
            ])
        }
        return app.views.render(
            "admin_users",
            page: try await app.page(
                "admin.users", context, notice: request.uri.queryParameters["notice"].map(String.init)),
            values: ["users": rows])
    }

    private func form(
        _ context: AppRequestContext, user: UserAccount?, input: FormData? = nil,
        errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let t = app.views.translations
        let db = app.database.sql
        let current = try await user.asyncMap { try await UserStore.roles(of: $0.id, on: db) } ?? []
        let chosen = input.map { Set($0.all("role")) } ?? Set(current.map(Self.roleValue))
        let organisationID = input?.value("organisation") ?? user?.organisation.rawValue ?? ""
        let locale = input?.value("locale") ?? user?.locale ?? "nl"
        let networkRoles = Role.allCases.filter(\.isNetworkScoped)
        let values: [String: Any] = [
            "isNew": user == nil, "id": user?.id.rawValue ?? "",
            "name": input?.value("name") ?? user?.name ?? "", "email": input?.value("email") ?? user?.email ?? "",
            "active": input.map { $0.value("active") == "on" } ?? user?.active ?? true,
            "localeNl": locale == "nl", "localeEn": locale == "en",
            "organisations": ChoiceList.options(
                try await OrganisationStore.all(on: db).map {
                    Choice($0.id.rawValue, $0.name, chosen: $0.id.rawValue == organisationID)
                }),
            "roleHeaders": networkRoles.map { t.text($0.textKey, context.locale) },
            "networks": try await NetworkStore.all(on: db).map { network -> [String: Any] in
                [
                    "name": network.name,
                    "roles": networkRoles.map { role -> [String: Any] in
                        let value = Self.roleValue(RoleAssignment(role: role, network: network.id))
                        return [
                            "value": value, "checked": chosen.contains(value),
                            "label": "\(t.text(role.textKey, context.locale)) — \(network.name)",
                        ]
                    },
                ]
            },
            "adminValue": Self.roleValue(RoleAssignment(role: .administrator, network: nil)),
            "adminChecked": chosen.contains(Self.roleValue(RoleAssignment(role: .administrator, network: nil))),
            "errors": errors.translated(t, context.locale),
        ]
        return app.views.render(
            "admin_user_form", page: try await app.page(user == nil ? "admin.user_new" : "admin.user_edit", context),
            values: values, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// Checkbox value for a role: `role@network` or `administrator@region`.
    static func roleValue(_ assignment: RoleAssignment) -> String {
        "\(assignment.role.rawValue)@\(assignment.network?.rawValue ?? "region")"
    }

    static func assignment(from value: String) -> RoleAssignment? {
        let parts = value.split(separator: "@", maxSplits: 1).map(String.init)
        guard parts.count == 2, let role = Role(rawValue: parts[0]) else { return nil }
        if !role.isNetworkScoped { return parts[1] == "region" ? RoleAssignment(role: role, network: nil) : nil }
        return NetworkID(validating: parts[1]).map { RoleAssignment(role: role, network: $0) }
    }

    private func save(_ request: Request, _ context: AppRequestContext, existing: UserAccount?) async throws -> Response
    {
        let input = try await app.form(request, context)
        let assignments = input.all("role").map { (value: $0, assignment: Self.assignment(from: $0)) }
        if assignments.contains(where: { $0.assignment == nil }) {
            return try await form(
                context, user: existing, input: input, errors: FieldErrors("roles", "error.invalid_choice"))
        }
        let data = AccountService.UserInput(
            name: input.value("name") ?? "", email: input.value("email") ?? "",
            organisation: input.value("organisation").flatMap(OrganisationID.init(validating:)),
            password: input.raw("password"), roles: Set(assignments.compactMap(\.assignment)),
            locale: input.value("locale") ?? "nl", active: input.value("active") == "on")
        do {
            if let existing {
                try await app.accounts.updateUser(existing.id, data, by: context.identity?.account.id)
            } else {
                _ = try await app.accounts.createUser(data, by: context.identity?.account.id)
            }
        } catch let errors as FieldErrors {
            return try await form(context, user: existing, input: input, errors: errors)
        }
        return .redirect(to: "/admin/users?notice=notice.saved", type: .found)
    }
}
