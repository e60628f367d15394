import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import RegieStore
import SQLKit

/// Builds the Regie web application: middleware, every route group, static files.
public enum RegieApplication {
    /// The router with everything wired; `WebApp.routes` lists what was registered.
    public static func router(_ app: WebApp) -> Router<AppRequestContext> {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: ErrorPageMiddleware(app: app))
        router.add(middleware: SecurityHeadersMiddleware(https: app.configuration.secureCookies))
        if let publicDirectory = Bundle.module.url(forResource: "Resources/Public", withExtension: nil) {
            router.add(
                middleware: FileMiddleware(
                    publicDirectory.path, urlBasePath: NotFoundPageMiddleware.files, searchForIndexHtml: false))
        }
        router.get("/health") { _, _ in Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ok"))) }
        app.routes.record(.get, "/health", .everyone)
        // For a load balancer: this server answers and its database does too (503 when the database is gone).
        router.get("/health/db") { _, _ in
            do {
                _ = try await app.database.sql.raw("SELECT 1").all()
                return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ok")))
            } catch {
                return Response(status: .serviceUnavailable, body: .init(byteBuffer: ByteBuffer(string: "database")))
            }
        }
        app.routes.record(.get, "/health/db", .everyone)

        let api = router.group("api/v1").add(middleware: ApiTokenMiddleware(database: app.database))
        ApiRoutes(app: app).register(
            RecordedGroup(group: api, prefix: "/api/v1", audience: .apiClient, table: app.routes))

        let web = pageMiddlewares(on: router.group(), app)
        AuthRoutes(app: app).register(RecordedGroup(group: web, prefix: "", audience: .everyone, table: app.routes))

        let signedIn = web.group().add(middleware: RequireSignedInMiddleware())
        let signedInRoutes = RecordedGroup(group: signedIn, prefix: "", audience: .signedIn, table: app.routes)
        HomeRoutes(app: app).register(signedInRoutes)
        AccountRoutes(app: app).register(signedInRoutes)
        SignalRoutes(app: app).register(signedInRoutes)
        InvolvementRoutes(app: app).register(signedInRoutes)
        TriageRoutes(app: app).register(signedInRoutes)
        InformationRoundRoutes(app: app).register(signedInRoutes)
        CaseRoutes(app: app).register(signedInRoutes)
        MemberRoutes(app: app).register(signedInRoutes)
        PictureRoutes(app: app).register(signedInRoutes)
        FamilyLevelRoutes(app: app).register(signedInRoutes)
        PlanRoutes(app: app).register(signedInRoutes)
        CommitmentRoutes(app: app).register(signedInRoutes)
        ConferenceRoutes(app: app).register(signedInRoutes)
        NetworkMeetingRoutes(app: app).register(signedInRoutes)
        ProgressRoutes(app: app).register(signedInRoutes)
        EscalationRoutes(app: app).register(signedInRoutes)
        ClosureRoutes(app: app).register(signedInRoutes)
        HandoverRoutes(app: app).register(signedInRoutes)
        ConsentRoutes(app: app).register(signedInRoutes)
        AccessReportRoutes(app: app).register(signedInRoutes)
        BreakGlassRoutes(app: app).register(signedInRoutes)
        CareTeamRoutes(app: app).register(signedInRoutes)
        NotificationRoutes(app: app).register(signedInRoutes)
        FigureRoutes(app: app).register(signedInRoutes)
        InspectionRoutes(app: app).register(signedInRoutes)
        PolicySignalRoutes(app: app).register(signedInRoutes)
        CareBudgetRoutes(app: app).register(signedInRoutes)
        NeighbourhoodRoutes(app: app).register(signedInRoutes)

        let admin = signedIn.group("admin").add(middleware: RequireAdministratorMiddleware())
        let adminRoutes = RecordedGroup(group: admin, prefix: "/admin", audience: .administrator, table: app.routes)
        OrganisationAdminRoutes(app: app).register(adminRoutes)
        NetworkAdminRoutes(app: app).register(adminRoutes)
        UserAdminRoutes(app: app).register(adminRoutes)
        // Added last, so it wraps no route, only the router's answer to an address none knows.
        router.add(
            middleware: NotFoundPageMiddleware(
                pages: pageMiddlewares(on: Router(context: AppRequestContext.self), app).buildResponder()))
        return router
    }

    /// The middlewares every page passes: CSRF, the session and its user, and an error page that can show that
    /// user's top bar (the router-level one cannot see who is signed in: each middleware's context is its own copy).
    private static func pageMiddlewares<Target: RouterMethods<AppRequestContext>>(on target: Target, _ app: WebApp)
        -> Target
    {
        target
            .add(middleware: CSRFMiddleware(secureCookies: app.configuration.secureCookies))
            .add(
                middleware: SessionMiddleware<AppRequestContext>(
                    storage: DatabaseSessionDriver(database: app.database),
                    configuration: .init(
                        sessionCookieParameters: .init(
                            name: "regie_session", path: "/", secure: app.configuration.secureCookies, sameSite: .lax),
                        keyPrefix: "", defaultSessionExpiration: app.configuration.sessionIdleTimeout))
            )
            .add(middleware: SessionUserMiddleware(idleTimeout: app.configuration.sessionIdleTimeout))
            .add(middleware: ErrorPageMiddleware(app: app))
    }

    /// The HTTP server for `regie serve`, with a background job that clears expired sessions and old
    /// login attempts.
    public static func application(_ app: WebApp, logger: Logger) -> some ApplicationProtocol {
        var application = Application(
            router: router(app),
            configuration: .init(
                address: .hostname(app.configuration.host, port: app.configuration.port),
                serverName: "Regie"),
            logger: logger)
        application.addServices(HousekeepingService(database: app.database, logger: logger))
        application.addServices(NormWatchService(app: app, logger: logger))
        return application
    }
}
