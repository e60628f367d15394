import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// Administrators list, add and change partner organisations.
struct OrganisationAdminRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.get("organisations") { request, context in
            let organisations = try await OrganisationStore.all(on: app.database.sql)
            let t = app.views.translations
            let rows = organisations.map { org -> [String: Any] in
                [
                    "id": org.id.rawValue, "name": org.name, "kind": t.text(org.kind.textKey, context.locale),
                    "active": org.active,
                ]
            }
            return app.views.render(
                "admin_organisations",
                page: try await app.page(
                    "admin.organisations", context,
                    notice: request.uri.queryParameters["notice"].map(String.init)),
                values: ["organisations": rows])
        }
        routes.get("organisations/new") { _, context in try await form(context, organisation: nil) }
        routes.post("organisations/new") { request, context in try await save(request, context, id: nil) }
        routes.get("organisations/:id") { _, context in
            try await form(context, organisation: try await find(context))
        }
        routes.post("organisations/:id") { request, context in
            try await save(request, context, id: try await find(context).id)
        }
    }

    private func find(_ context: AppRequestContext) async throws -> Organisation {
        guard let id = OrganisationID(validating: try context.parameters.require("id")),
            let organisation = try await OrganisationStore.find(id, on: app.database.sql)
        else { throw HTTPError(.notFound, message: "error.not_found") }
        return organisation
    }

    private func form(
        _ context: AppRequestContext, organisation: Organisation?, input: FormData? = nil,
        errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let t = app.views.translations
        let kind = input?.value("kind") ?? organisation?.kind.rawValue ?? ""
        let values: [String: Any] = [
            "isNew": organisation == nil, "id": organisation?.id.rawValue ?? "",
            "name": input?.value("name") ?? organisation?.name ?? "",
            "active": input.map { $0.value("active") == "on" } ?? organisation?.active ?? true,
            "kinds": ChoiceList.options(
                OrganisationKind.allCases.map {
                    Choice($0.rawValue, t.text($0.textKey, context.locale), chosen: $0.rawValue == kind)
                }),
            "errors": errors.translated(t, context.locale),
        ]
        return app.views.render(
            "admin_organisation_form",
            page: try await app.page(
                organisation == nil ? "admin.organisation_new" : "admin.organisation_edit", context),
            values: values, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    private func save(_ request: Request, _ context: AppRequestContext, id: OrganisationID?) async throws -> Response {
        let input = try await app.form(request, context)
        let existing = try await id.asyncMap { try await OrganisationStore.find($0, on: app.database.sql) } ?? nil
        guard let kind = OrganisationKind(rawValue: input.value("kind") ?? "") else {
            return try await form(
                context, organisation: existing, input: input,
                errors: FieldErrors("kind", "error.invalid_choice"))
        }
        do {
            if var organisation = existing {
                organisation.name = input.value("name") ?? ""
                organisation.kind = kind
                organisation.active = input.value("active") == "on"
                try await app.accounts.updateOrganisation(organisation, by: context.identity?.account.id)
            } else {
                _ = try await app.accounts.createOrganisation(
                    name: input.value("name") ?? "", kind: kind, by: context.identity?.account.id)
            }
        } catch let errors as FieldErrors {
            return try await form(context, organisation: existing, input: input, errors: errors)
        }
        return .redirect(to: "/admin/organisations?notice=notice.saved", type: .found)
    }
}
