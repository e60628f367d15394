import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// The household's file (the case page), its printable plan, the legal basis, and the list of cases with
/// the directors' caseloads.
struct CaseRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.get("cases") { request, context in try await list(request, context) }
        routes.get("cases/:id") { request, context in
            try await casePage(context, notice: request.uri.queryParameters["notice"].map(String.init))
        }
        routes.get("cases/:id/plan/print") { _, context in try await printPlan(context) }
        routes.post("cases/:id/lawful-basis") { request, context in try await lawfulBasis(request, context) }
    }

    /// The view of one case for the signed-in user, with the network's people and caseloads; `stamp` is the case
    /// stamp read before the grant, when it was.
    func view(_ grant: AccessGrant, _ context: AppRequestContext, form: FormData?, stamp: CaseStamp? = nil)
        async throws -> CaseView
    {
        let (facts, people) = try await app.caseFacts(grant, stamp: stamp)
        return CaseView(
            app: app, locale: context.locale, facts: facts, form: form, people: people,
            caseloads: try await app.caseloads(in: facts.network.id, stamp: stamp?.network))
    }

    /// The case page: the whole file; a care-team partner without it gets its own part, and users who may only
    /// follow the process (the process manager) the process view. Only the view shown is logged.
    func casePage(
        _ context: AppRequestContext, notice: String? = nil, form: FormData? = nil, problems: [String: String] = [:],
        breakGlass: AccessGrant? = nil
    ) async throws -> Response {
        let grant: AccessGrant
        var stamp: CaseStamp?
        do {
            if let breakGlass {
                grant = breakGlass
            } else {
                (grant, stamp) = try await CaseService(app: app).grant(
                    firstOf: [.viewContent, .viewOwnPart, .viewProcess], context)
            }
        } catch let denied as AccessDenied {
            return try await BreakGlassRoutes(app: app).offer(context, denied: denied)
        }
        switch grant.action {
        case .viewOwnPart: return try await ownPartPage(grant, context, notice: notice, form: form, problems: problems)
        case .viewProcess: return try await processPage(grant, context, notice: notice)
        default: break
        }
        let today = Day(Date())
        let view = try await view(grant, context, form: form, stamp: stamp)
        let body: String
        if form == nil, problems.isEmpty, !grant.decision.breakGlass {
            body = CaseBody(view, day: today).html(app: app, csrf: context.csrfToken) { values(of: view, problems) }
        } else {
            body = CaseBody.render(
                app: app, locale: context.locale, csrf: context.csrfToken, values: values(of: view, problems))
        }
        return app.views.render(
            "case", page: try await app.page("case.title", context, notice: notice), values: ["caseBody": body],
            status: problems[CaseView.staleKey] != nil ? .conflict : problems.isEmpty ? .ok : .unprocessableContent)
    }

    /// The values of the whole file, from every part's view.
    private func values(of view: CaseView, _ problems: [String: String]) -> [String: Any] {
        var values = view.values(problems: problems)
        for part in [
            PictureView(base: view).values(), PlanView(base: view).values(), ConferenceView(base: view).values(),
            MonitoringView(base: view).values(), EscalationView(base: view).values(), ClosureView(base: view).values(),
            ConsentView(base: view).values(), FamilyLevelView(base: view).values(),
        ] {
            values.merge(part) { first, _ in first }
        }
        return values
    }

    /// A partner's own part of the file (see `OwnPartView`).
    private func ownPartPage(
        _ grant: AccessGrant, _ context: AppRequestContext, notice: String?, form: FormData?,
        problems: [String: String]
    ) async throws -> Response {
        let db = app.database.sql
        let view = OwnPartView(
            app: app, locale: context.locale, part: try await OwnPartStore.part(grant, on: db), grant: grant,
            profile: try await CaseService(app: app).profile(of: grant.context.network, on: db), form: form)
        return app.views.render(
            "case_own_part", page: try await app.page("case.title", context, notice: notice),
            values: view.values(problems: problems), status: problems.isEmpty ? .ok : .unprocessableContent)
    }

    /// Process facts only: phase, director, plan version and status with dates, conference dates, and the
    /// kinds of events on the timeline — never their content.
    private func processPage(_ grant: AccessGrant, _ context: AppRequestContext, notice: String?) async throws
        -> Response
    {
        let db = app.database.sql
        let t = app.views.translations
        let directors = try await DirectorStore.history(grant, on: db)
        let plan = try await PlanStore.shown(grant, on: db)
        let network = try await NetworkStore.find(grant.context.network, on: db)
        let profile = network.flatMap { app.profiles.profile(for: $0) }
        let escalations = try await EscalationStore.escalations(grant, on: db)
        let levels = try await FamilyLevelStore.history(grant, on: db)
        let text = { (key: String) in t.text(key, context.locale) }
        let values: [String: Any] = [
            "usesFamilyLevels": !(profile?.familyLevels.isEmpty ?? true), "hasFamilyLevel": levels.current != nil,
            "familyLevelHistory": profile.map {
                FamilyLevelView.history(levels, profile: $0, reasons: false, text: text)
            } ?? [],
            "escalations": escalations.map { escalation -> [String: Any] in
                let today = Day(Date())
                let course = profile.map { escalation.course(in: $0, calendar: app.calendar, today: today) }
                let current = course?.steps.last
                return [
                    "kind": t.text(escalation.kind.textKey, context.locale), "raisedOn": escalation.raisedOn.dutch,
                    "rung": course.map { escalation.rungName(current, clock: $0.clock) } ?? "—",
                    "deadline": current?.deadline.dutch ?? "—",
                    "overdue": course.map {
                        $0.clock.isOverdueAtTop($0.steps, decided: escalation.decidedOn != nil, today: today)
                    } ?? false,
                    "state": escalation.decidedOn.map {
                        String(format: t.text("escalation.decided_on", context.locale), $0.dutch)
                    }
                        ?? t.text("escalation.undecided", context.locale),
                ]
            },
            "hasEscalations": !escalations.isEmpty,
            "reference": try await HouseholdStore.reference(grant, on: db),
            "phase": t.text("phase.\(grant.context.phase.rawValue)", context.locale),
            "director": directors.current(.caseDirection).map { "\($0.userName), \($0.organisationName)" } ?? "—",
            "versions": (plan?.versions ?? []).map { version -> [String: Any] in
                [
                    "number": version.number, "status": t.text(version.status.textKey, context.locale),
                    "created": DutchFormat.day(version.createdAt), "adopted": version.adoptedOn?.dutch ?? "—",
                ]
            },
            "hasPlan": plan != nil,
            "conferences": try await MeetingStore.conferences(grant, on: db).map { DutchFormat.moment($0.scheduledAt) },
            "events": try await TimelineStore.events(grant, on: db).reversed().map { event -> [String: Any] in
                ["at": DutchFormat.moment(event.occurredAt), "kind": t.text("event.\(event.kind)", context.locale)]
            },
        ]
        return app.views.render(
            "case_process", page: try await app.page("case.title", context, notice: notice), values: values)
    }

    private func printPlan(_ context: AppRequestContext) async throws -> Response {
        let grant = try await CaseService(app: app).grant(.export, context)
        let view = try await view(grant, context, form: nil)
        var values = view.values(problems: [:])
        values.merge(PlanView(base: view).values()) { first, _ in first }
        values["printed"] = DutchFormat.moment(Date())
        return app.views.render("plan_print", page: try await app.page("plan.print_title", context), values: values)
    }

    private func lawfulBasis(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await CaseService(app: app).perform(
            request, context, .decide, notice: "notice.basis_recorded", guarding: .caseData
        ) {
            form, grant, db in
            guard let basis = LawfulBasis(rawValue: form.value("basis") ?? "") else {
                throw FieldProblems(["basis": "error.invalid_choice"])
            }
            let note = form.value("basis_note") ?? ""
            if basis == .other && note.isEmpty { throw FieldProblems(["basisNote": "error.basis_note"]) }
            try await HouseholdStore.recordLawfulBasis(basis, note: note, grant: grant, on: db)
        }
    }

    /// Cases per page of the case list.
    static let casesPerPage = 100

    private func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let page = try await app.page("cases.title", context)
        guard let user = context.identity, let network = app.currentNetwork(context, among: page.networks),
            let profile = app.profiles.profile(for: network),
            AccessPolicy.mayUse(.caseList, roles: user.actor.roles(in: network.id))
        else { throw HTTPError(.forbidden, message: "error.forbidden") }
        let t = app.views.translations
        let text = { (key: String) in t.text(key, context.locale) }
        // Cases without a director first, then the most recently opened; a page of 100 at a time, and only the
        // page shown is logged as seen.
        var total = 0
        var withoutDirector = 0
        var pager = ListPage(asked: nil, total: 0, size: Self.casesPerPage)
        let open = try await CaseOverview(app: app).rows(network: network, profile: profile, context: context) {
            let active = $0.filter { $0.phase == .active }.sorted {
                ($0.director == nil ? 0 : 1, -($0.openedOn?.ordinal ?? 0), $0.reference)
                    < ($1.director == nil ? 0 : 1, -($1.openedOn?.ordinal ?? 0), $1.reference)
            }
            total = active.count
            withoutDirector = active.filter { $0.director == nil }.count
            pager = ListPage(
                asked: request.uri.queryParameters["pagina"].map(String.init), total: total, size: Self.casesPerPage)
            return Array(active[pager.range])
        }
        let generic = text(Role.caseDirector.textKey)
        var values: [String: Any] = [
            "network": network.name, "directorTitle": profile.label(for: .caseDirector, generic: generic),
            "rows": open.map { row -> [String: Any] in
                [
                    "id": row.household.rawValue, "reference": row.reference,
                    "director": row.director.map { "\($0.userName) (\($0.organisationName))" } ?? "",
                    "hasDirector": row.director != nil,
                    "plan": row.planStatus.map { "v\(row.planVersion ?? 1) · \(text($0.textKey))" }
                        ?? text("plan.none"),
                    "adopted": row.adoptedOn?.dutch ?? "—", "attention": row.attention,
                    "hasAttention": row.attention > 0,
                    "overdue": row.directorNorm.isOverdue,
                    "familyLevel": row.familyLevel.map { level in
                        let role = FamilyLevelHistory.responsible(for: level, in: profile)
                        return "\(level) · \(profile.displayName(for: role, generic: text(role.textKey)))"
                    } ?? "—",
                ]
            },
            "usesFamilyLevels": !profile.familyLevels.isEmpty,
            "hasRows": !open.isEmpty,
            "withoutDirector": withoutDirector == 0
                ? ""
                : String(
                    format: t.text("cases.without_director", count: withoutDirector, context.locale), withoutDirector),
            "fallback": String(
                format: text("cases.fallback"),
                profile.displayName(for: .networkDirector, generic: text(Role.networkDirector.textKey))),
        ]
        values.merge(pager.values(pageOf: text("cases.page_of"), total: total) { "/cases?pagina=\($0)" }) { $1 }
        if user.actor.roles(in: network.id).contains(.networkDirector) {
            let caseloads = try await app.caseloads(in: network.id)
            values["caseloads"] = try await UserStore.users(with: .caseDirector, in: network.id, on: app.database.sql)
                .map { director -> [String: Any] in
                    let warning = CaseloadWarning(households: caseloads[director.id] ?? 0, profile: profile)
                    return ["name": director.name, "households": warning.households, "above": warning.isAboveMaximum]
                }
            values["hasCaseloads"] = true
            if let maximum = profile.caseloadMaximum {
                values["caseloadMaximum"] = String(
                    format: text("director.caseload_maximum"),
                    profile.displayName(for: .caseDirector, generic: generic),
                    maximum)
            }
        }
        return app.views.render("cases", page: page, values: values)
    }
}
