import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// Administrators list, add and change networks: area, workflow profile and partner organisations.
struct NetworkAdminRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.get("networks") { request, context in
            let networks = try await NetworkStore.all(on: app.database.sql)
            let rows = networks.map { network -> [String: Any] in
                [
                    "id": network.id.rawValue, "name": network.name, "municipality": network.municipality,
                    "profile": app.profiles.profile(code: network.profileCode)?.name ?? network.profileCode,
                    "overrides": network.profileOverrides.count,
                    "hasOverrides": !network.profileOverrides.isEmpty,
                    "active": network.active,
                ]
            }
            return app.views.render(
                "admin_networks",
                page: try await app.page(
                    "admin.networks", context,
                    notice: request.uri.queryParameters["notice"].map(String.init)),
                values: ["networks": rows])
        }
        routes.get("networks/new") { _, context in try await form(context, network: nil) }
        routes.post("networks/new") { request, context in try await save(request, context, existing: nil) }
        routes.get("networks/:id") { _, context in try await form(context, network: try await find(context)) }
        routes.post("networks/:id") { request, context in
            try await save(request, context, existing: try await find(context))
        }
    }

    private func find(_ context: AppRequestContext) async throws -> Network {
        guard let id = NetworkID(validating: try context.parameters.require("id")),
            let network = try await NetworkStore.find(id, on: app.database.sql)
        else { throw HTTPError(.notFound, message: "error.not_found") }
        return network
    }

    private func form(
        _ context: AppRequestContext, network: Network?, input: FormData? = nil,
        errors: FieldErrors = FieldErrors(), overrideProblems: [String: String] = [:]
    ) async throws -> Response {
        let t = app.views.translations
        let text = { (key: String) in t.text(key, context.locale) }
        let organisations = try await OrganisationStore.all(on: app.database.sql)
        let members =
            try await network.asyncMap { try await NetworkStore.members(of: $0.id, on: app.database.sql) }
            ?? []
        let profileCode = input?.value("profile") ?? network?.profileCode ?? ""
        let overrideFields =
            input.map { form in
                Dictionary(
                    uniqueKeysWithValues: ProfileOverrideForm.fieldNames.map { ($0, form.value($0) ?? "") })
            } ?? network.map { ProfileOverrideForm.fields($0.profileOverrides) } ?? [:]
        var values: [String: Any] = [
            "isNew": network == nil, "id": network?.id.rawValue ?? "",
            "name": input?.value("name") ?? network?.name ?? "",
            "municipality": input?.value("municipality") ?? network?.municipality ?? "",
            "neighbourhoods": input?.value("neighbourhoods") ?? network?.neighbourhoods.joined(separator: ", ") ?? "",
            "retentionYears": input?.value("retention_years")
                ?? String(network?.retentionYears ?? Network.defaultRetentionYears),
            "active": input.map { $0.value("active") == "on" } ?? network?.active ?? true,
            "profiles": app.profiles.profiles.map { p -> [String: Any] in
                ["value": p.code, "label": p.name, "summary": p.summary, "selected": p.code == profileCode]
            },
            "organisations": organisations.map { org -> [String: Any] in
                let type =
                    input?.value("member_\(org.id.rawValue)")
                    ?? members.first { $0.organisation == org.id }?.partnerType.rawValue ?? ""
                return [
                    "id": org.id.rawValue, "name": org.name, "none": type == "",
                    "core": type == PartnerType.core.rawValue, "shell": type == PartnerType.shell.rawValue,
                ]
            },
            "errors": errors.translated(t, context.locale),
            "overridesOpen": !overrideProblems.isEmpty || !(network?.profileOverrides.isEmpty ?? true),
        ]
        values.merge(
            ProfileOverridesView(
                profile: app.profiles.profile(code: profileCode), fields: overrideFields,
                errors: overrideProblems.mapValues(text), text: text
            ).values()
        ) { _, new in new }
        return app.views.render(
            "admin_network_form",
            page: try await app.page(network == nil ? "admin.network_new" : "admin.network_edit", context),
            values: values, status: errors.isEmpty && overrideProblems.isEmpty ? .ok : .unprocessableContent)
    }

    /// The retention period typed in: empty means the default; anything not a number fails validation (0).
    private func retentionYears(_ typed: String?) -> Int {
        let text = (typed ?? "").trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? Network.defaultRetentionYears : Int(text) ?? 0
    }

    private func save(_ request: Request, _ context: AppRequestContext, existing: Network?) async throws -> Response {
        let input = try await app.form(request, context)
        let (overrides, overrideProblems) = ProfileOverrideForm.read { input.value($0) }
        let areas = (input.value("neighbourhoods") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let network = Network(
            id: existing?.id ?? NetworkID(), name: input.value("name") ?? "",
            municipality: input.value("municipality") ?? "", neighbourhoods: areas,
            profileCode: input.value("profile") ?? "", active: input.value("active") == "on",
            createdAt: existing?.createdAt ?? Date(), retentionYears: retentionYears(input.value("retention_years")),
            profileOverrides: overrides)
        let organisations = try await OrganisationStore.all(on: app.database.sql)
        let members = organisations.compactMap { org -> NetworkMember? in
            guard let type = PartnerType(rawValue: input.value("member_\(org.id.rawValue)") ?? "") else { return nil }
            return NetworkMember(network: network.id, organisation: org.id, partnerType: type)
        }
        do {
            guard overrideProblems.isEmpty else { throw FieldErrors() }
            try await app.accounts.saveNetwork(
                network, members: members, isNew: existing == nil,
                profiles: app.profiles, by: context.identity?.account.id)
        } catch let errors as FieldErrors {
            return try await form(
                context, network: existing, input: input, errors: errors, overrideProblems: overrideProblems)
        }
        return .redirect(to: "/admin/networks?notice=notice.saved", type: .found)
    }
}
