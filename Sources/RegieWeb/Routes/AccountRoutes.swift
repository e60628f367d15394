import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// The user's own settings: language, password, two-factor login and API tokens.
struct AccountRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.get("account") { request, context in
            try await accountPage(context, notice: request.uri.queryParameters["notice"].map(String.init))
        }
        routes.post("account/language") { request, context in
            let user = try signedIn(context)
            let form = try await app.form(request, context)
            guard let locale = form.value("locale"), Translations.locales.contains(locale) else {
                throw HTTPError(.badRequest, message: "error.invalid_choice")
            }
            var account = user.account
            account.locale = locale
            let updated = account
            try await app.database.write { db in try await UserStore.update(updated, on: db) }
            return .redirect(to: "/account?notice=notice.saved", type: .found)
        }
        routes.post("account/password") { request, context in try await changePassword(request, context) }
        routes.get("account/totp") { _, context in try await totpPage(context, error: nil) }
        routes.post("account/totp") { request, context in
            let user = try signedIn(context)
            let form = try await app.form(request, context)
            guard try await app.confirmTOTP(code: form.value("code") ?? "", user: user.account) else {
                return try await totpPage(context, error: "error.code_wrong", status: .unprocessableContent)
            }
            return .redirect(to: "/account?notice=notice.totp_enabled", type: .found)
        }
        routes.post("account/tokens") { request, context in try await createToken(request, context) }
        routes.post("account/tokens/:id/revoke") { _, context in
            let user = try signedIn(context)
            let id = try context.parameters.require("id")
            let revoked = try await app.database.write { db in
                let done = try await ApiTokenStore.revoke(id, of: user.account.id, on: db)
                if done {
                    try await AdminLogStore.append(
                        actor: user.account.id, entity: "api_token", entityID: id,
                        action: "revoked", details: user.account.email, on: db)
                }
                return done
            }
            guard revoked else { throw HTTPError(.notFound, message: "error.not_found") }
            return .redirect(to: "/account?notice=notice.token_revoked", type: .found)
        }
    }

    private func signedIn(_ context: AppRequestContext) throws -> SignedInUser {
        guard let user = context.identity else { throw HTTPError(.unauthorized, message: "error.unauthorised") }
        return user
    }

    private func accountPage(
        _ context: AppRequestContext, notice: String?, extra: [String: Any] = [:],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try signedIn(context)
        let tokens = try await ApiTokenStore.tokens(of: user.account.id, on: app.database.sql)
        var values: [String: Any] = [
            "email": user.account.email, "totpEnabled": user.account.totpEnabled,
            "localeNl": user.account.locale == "nl", "localeEn": user.account.locale == "en",
            "tokens": tokens.map { token in
                [
                    "id": token.id, "name": token.name, "prefix": token.prefix,
                    "created": DutchFormat.moment(token.createdAt),
                    "lastUsed": token.lastUsedAt.map(DutchFormat.moment) ?? "—",
                    "revoked": token.revokedAt.map(DutchFormat.moment) ?? "", "active": token.revokedAt == nil,
                ] as [String: Any]
            },
            "hasTokens": !tokens.isEmpty,
        ]
        for (key, value) in extra { values[key] = value }
        return app.views.render(
            "account", page: try await app.page("account.title", context, notice: notice),
            values: values, status: status)
    }

    private func changePassword(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try signedIn(context)
        let form = try await app.form(request, context)
        var errors = FieldErrors()
        let current = form.raw("current") ?? ""
        let new = form.raw("new") ?? ""
        guard let credentials = try await UserStore.credentials(of: user.account.id, on: app.database.sql) else {
            throw HTTPError(.unauthorized)
        }
        if try await !app.accounts.hasher.verify(current, hash: credentials.passwordHash) {
            errors.add("current", "error.password_wrong")
        }
        if let problem = PasswordPolicy.problem(with: new, email: user.account.email) { errors.add("new", problem) }
        if new != (form.raw("repeat") ?? "") { errors.add("repeat", "error.password_mismatch") }
        guard errors.isEmpty else {
            return try await accountPage(
                context, notice: nil,
                extra: ["passwordErrors": errors.translated(app.views.translations, context.locale)],
                status: .unprocessableContent)
        }
        let hash = try await app.accounts.hasher.hash(new)
        let epoch = try await app.database.write { db in
            try await UserStore.setPassword(user.account.id, hash: hash, on: db)
            try await AdminLogStore.append(
                actor: user.account.id, entity: "user", entityID: user.account.id.rawValue,
                action: "password_changed", details: user.account.email, on: db)
            return try await UserStore.find(user.account.id, on: db)?.authEpoch ?? 0
        }
        // Other sessions ended with the new epoch; this one carries on in a fresh session.
        context.sessions.createSession(
            WebSession(
                userID: user.account.id.rawValue, stage: .complete, epoch: epoch,
                networkID: context.sessions.session?.networkID),
            expiresIn: app.configuration.sessionIdleTimeout)
        return .redirect(to: "/account?notice=notice.password_changed", type: .found)
    }

    private func totpPage(_ context: AppRequestContext, error: String?, status: HTTPResponse.Status = .ok)
        async throws -> Response
    {
        let user = try signedIn(context)
        let secret = try await app.ensureTOTPSecret(for: user.account)
        var values = app.totpValues(secret: secret, user: user.account)
        values["action"] = "/account/totp"
        if let error { values["error"] = app.views.translations.text(error, context.locale) }
        return app.views.render(
            "totp_setup", page: try await app.page("totp.title", context), values: values,
            status: status)
    }

    private func createToken(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try signedIn(context)
        let form = try await app.form(request, context)
        let name = form.value("name") ?? ""
        guard !name.isEmpty, name.count <= 100 else {
            return try await accountPage(
                context, notice: nil,
                extra: ["tokenErrors": ["name": app.views.translations.text("error.required", context.locale)]],
                status: .unprocessableContent)
        }
        let secret = "rg_" + SecretToken.make()
        let token = try await app.database.write { db in
            let token = try await ApiTokenStore.insert(
                user: user.account.id, name: name, hash: SecretToken.hash(secret), prefix: String(secret.prefix(10)),
                on: db)
            try await AdminLogStore.append(
                actor: user.account.id, entity: "api_token", entityID: token.id,
                action: "created", details: "\(user.account.email): \(name)", on: db)
            return token
        }
        // The secret is shown this once and never stored, so this response is not a redirect.
        return try await accountPage(context, notice: nil, extra: ["newToken": secret, "newTokenName": token.name])
    }
}
