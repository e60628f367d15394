import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// Login with password and (where set or required) a TOTP code, TOTP enrolment during login, and logout.
struct AuthRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.get("login") { request, context in
            if context.identity != nil { return .redirect(to: "/", type: .found) }
            return loginPage(
                context, next: request.uri.queryParameters["next"].map(String.init),
                notice: request.uri.queryParameters["notice"].map(String.init))
        }
        routes.post("login") { request, context in try await login(request, context) }
        routes.get("login/code") { _, context in
            guard context.sessions.session?.stage == .awaitingCode else { return .redirect(to: "/login", type: .found) }
            return codePage(context, error: nil)
        }
        routes.post("login/code") { request, context in try await code(request, context) }
        routes.get("login/setup-code") { _, context in try await enrolPage(context, error: nil) }
        routes.post("login/setup-code") { request, context in try await enrol(request, context) }
        routes.post("logout") { _, context in
            context.sessions.clearSession()
            return .redirect(to: "/login?notice=notice.logged_out", type: .found)
        }
    }

    private func loginPage(
        _ context: AppRequestContext, next: String?, email: String = "", error: String? = nil,
        status: HTTPResponse.Status = .ok, notice: String? = nil
    ) -> Response {
        let t = app.views.translations
        var values: [String: Any] = ["email": email, "next": next ?? ""]
        if let error { values["error"] = t.text(error, context.locale) }
        return app.views.render(
            "login", page: Page(title: t.text("login.title", context.locale), context: context, notice: notice),
            values: values, status: status)
    }

    private func login(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await app.form(request, context)
        let email = form.value("email") ?? ""
        let next = safeNext(form.value("next"))
        let outcome = try await app.logins.attempt(
            email: email, password: form.raw("password") ?? "",
            address: app.address(of: request, context))
        switch outcome {
        case .complete(let user):
            start(user, stage: .complete, context)
            return .redirect(to: next, type: .found)
        case .needsCode(let user):
            start(user, stage: .awaitingCode, context)
            return .redirect(to: "/login/code", type: .found)
        case .mustEnrol(let user):
            start(user, stage: .mustEnrol, context)
            return .redirect(to: "/login/setup-code", type: .found)
        case .invalid:
            return loginPage(context, next: next, email: email, error: "error.login_failed", status: .unauthorized)
        case .locked:
            return loginPage(context, next: next, email: email, error: "error.login_locked", status: .unauthorized)
        case .throttled:
            return loginPage(context, next: next, email: email, error: "error.too_many", status: .tooManyRequests)
        }
    }

    /// A fresh session for each stage of the login, so a key seen before login never becomes a logged-in key.
    private func start(_ user: UserAccount, stage: WebSession.Stage, _ context: AppRequestContext) {
        context.sessions.createSession(
            WebSession(userID: user.id.rawValue, stage: stage, epoch: user.authEpoch, networkID: nil),
            expiresIn: app.configuration.sessionIdleTimeout)
    }

    /// Only local paths may be a redirect target after login (no open redirect).
    private func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }

    private func pendingUser(_ context: AppRequestContext, stage: WebSession.Stage) async throws -> UserAccount? {
        guard let session = context.sessions.session, session.stage == stage else { return nil }
        return try await UserStore.find(UserID(rawValue: session.userID), on: app.database.sql)
    }

    private func codePage(_ context: AppRequestContext, error: String?, status: HTTPResponse.Status = .ok)
        -> Response
    {
        let t = app.views.translations
        var values: [String: Any] = [:]
        if let error { values["error"] = t.text(error, context.locale) }
        return app.views.render(
            "login_code",
            page: Page(
                title: t.text("login.code_title", context.locale),
                context: context), values: values, status: status)
    }

    private func code(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let user = try await pendingUser(context, stage: .awaitingCode) else {
            return .redirect(to: "/login", type: .found)
        }
        let form = try await app.form(request, context)
        switch try await app.logins.verifyCode(
            form.value("code") ?? "", user: user,
            address: app.address(of: request, context))
        {
        case .complete:
            start(user, stage: .complete, context)
            return .redirect(to: "/", type: .found)
        case .locked:
            context.sessions.clearSession()
            return loginPage(context, next: nil, email: user.email, error: "error.login_locked", status: .unauthorized)
        default:
            return codePage(context, error: "error.code_wrong", status: .unauthorized)
        }
    }

    /// Users whose role requires two-factor login set it up before they get any further.
    private func enrolPage(_ context: AppRequestContext, error: String?, status: HTTPResponse.Status = .ok)
        async throws -> Response
    {
        guard let user = try await pendingUser(context, stage: .mustEnrol) else {
            return .redirect(to: "/login", type: .found)
        }
        let secret = try await app.ensureTOTPSecret(for: user)
        let t = app.views.translations
        var values = app.totpValues(secret: secret, user: user)
        values["action"] = "/login/setup-code"
        values["required"] = true
        if let error { values["error"] = t.text(error, context.locale) }
        return app.views.render(
            "totp_setup", page: Page(title: t.text("totp.title", context.locale), context: context),
            values: values, status: status)
    }

    private func enrol(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let user = try await pendingUser(context, stage: .mustEnrol) else {
            return .redirect(to: "/login", type: .found)
        }
        let form = try await app.form(request, context)
        guard try await app.confirmTOTP(code: form.value("code") ?? "", user: user) else {
            return try await enrolPage(context, error: "error.code_wrong", status: .unprocessableContent)
        }
        start(user, stage: .complete, context)
        return .redirect(to: "/?notice=notice.totp_enabled", type: .found)
    }
}
