import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// The network meeting (netwerkoverleg): scheduled at the profile's interval, with an agenda built at the
/// moment it is opened by the profile's rule, from recorded facts, and the time available per case.
struct NetworkMeetingRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.get("meetings") { request, context in
            try await list(context, notice: request.uri.queryParameters["notice"].map(String.init))
        }
        routes.post("meetings") { request, context in try await schedule(request, context) }
        routes.get("meetings/:meeting") { _, context in try await agenda(context) }
    }

    /// The current network with its profile, for a network director or support staff there.
    private func network(_ context: AppRequestContext, page: Page) throws -> (Network, WorkflowProfile) {
        guard let user = context.identity, let network = app.currentNetwork(context, among: page.networks),
            let profile = app.profiles.profile(for: network),
            AccessPolicy.mayUse(.networkMeetings, roles: user.actor.roles(in: network.id))
        else { throw HTTPError(.forbidden) }
        return (network, profile)
    }

    private func list(
        _ context: AppRequestContext, notice: String?, form: FormData? = nil, problems: [String: String] = [:]
    ) async throws -> Response {
        let page = try await app.page("meetings.title", context, notice: notice)
        let (network, profile) = try network(context, page: page)
        let meetings = try await MeetingStore.networkMeetings(of: network.id, on: app.database.sql)
        let next =
            meetings.last.map { profile.meetingInterval.dueDay(from: Day($0.scheduledAt), calendar: app.calendar) }
            ?? Day(Date())
        let t = app.views.translations
        let people = try await CaseService(app: app).people(in: network.id)
        let chosen = form?.value("chair") ?? ""
        return app.views.render(
            "meetings", page: page,
            values: [
                "network": network.name, "interval": profile.meetingInterval.dutch,
                "agendaRule": t.text("agenda_rule.\(profile.agendaRule.rawValue)", context.locale),
                "meetings": meetings.reversed().map { meeting -> [String: Any] in
                    [
                        "id": meeting.id, "at": DutchFormat.moment(meeting.scheduledAt), "place": meeting.place,
                        "duration": meeting.durationMinutes, "chair": meeting.chairName,
                    ]
                },
                "hasMeetings": !meetings.isEmpty,
                "day": form?.value("meeting_day") ?? next.dutch, "time": form?.value("meeting_time") ?? "09:30",
                "duration": form?.value("duration") ?? "90", "place": form?.value("place") ?? "",
                "chairs": ChoiceList.options(
                    people.filter { $0.roles.contains(.networkDirector) }.map {
                        Choice($0.user.id.rawValue, $0.user.name, chosen: $0.user.id.rawValue == chosen)
                    }),
                "errors": problems.mapValues { t.text($0, context.locale) },
            ], status: problems.isEmpty ? .ok : .unprocessableContent)
    }

    private func schedule(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let page = try await app.page("meetings.title", context)
        let (network, _) = try network(context, page: page)
        let form = try await app.form(request, context)
        var problems: [String: String] = [:]
        let when = CaseService.meetingTime(
            form, day: "meeting_day", time: "meeting_time", fields: ("meetingDay", "meetingTime"), into: &problems)
        let chairs = try await UserStore.users(with: .networkDirector, in: network.id, on: app.database.sql)
        let chair = chairs.first { $0.id.rawValue == form.value("chair") }?.id
        guard problems.isEmpty, let when, let user = context.identity else {
            return try await list(context, notice: nil, form: form, problems: problems)
        }
        _ = try await app.database.write { db in
            try await MeetingStore.scheduleNetworkMeeting(
                MeetingStore.Plan(
                    kind: .network, scheduledAt: when.start, durationMinutes: when.minutes,
                    place: form.value("place") ?? "", chair: chair, contentLead: nil, participants: []),
                network: network.id, by: user.account.id, on: db)
        }
        return .redirect(to: "/meetings?notice=notice.meeting_scheduled", type: .found)
    }

    private func agenda(_ context: AppRequestContext) async throws -> Response {
        let page = try await app.page("meeting.title", context)
        let (network, profile) = try network(context, page: page)
        guard
            let meeting = try await MeetingStore.networkMeeting(
                try context.parameters.require("meeting"), on: app.database.sql), meeting.network == network.id
        else { throw HTTPError(.notFound, message: "error.not_found") }
        let agendaCase = { (row: CaseOverview.Row) in
            NetworkMeetingAgenda.Case(
                household: row.household, reference: row.reference, phase: row.phase, reasons: row.agendaReasons)
        }
        let rows = try await CaseOverview(app: app).rows(
            network: network, profile: profile, context: context,
            shown: {
                !NetworkMeetingAgenda.build(rule: profile.agendaRule, cases: [agendaCase($0)], duration: 0).items
                    .isEmpty
            })
        let (items, perCase) = NetworkMeetingAgenda.build(
            rule: profile.agendaRule, cases: rows.map(agendaCase), duration: meeting.durationMinutes)
        let t = app.views.translations
        let phases = Dictionary(uniqueKeysWithValues: rows.map { ($0.household, $0.phase) })
        return app.views.render(
            "meeting", page: page,
            values: [
                "at": DutchFormat.moment(meeting.scheduledAt), "network": network.name,
                // Place and chair are optional: the line names what is known, never starting with a separator.
                "details": [
                    meeting.place.trimmed,
                    meeting.chair == nil
                        ? "" : t.text("conference.chair", context.locale) + ": " + meeting.chairName,
                    "\(meeting.durationMinutes) min",
                ].filter { !$0.isEmpty }.joined(separator: " · "),
                "agendaRule": t.text("agenda_rule.\(profile.agendaRule.rawValue)", context.locale),
                "perCase": perCase.map { String(format: t.text("meeting.per_case", context.locale), $0) } ?? "",
                "items": items.enumerated().map { index, item -> [String: Any] in
                    let phase = phases[item.household] ?? .intake
                    return [
                        "number": index + 1, "reference": item.reference, "id": item.household.rawValue,
                        "isCase": phase == .active,
                        "reasons": item.reasons.map { t.text($0.textKey, context.locale) }.joined(separator: ", "),
                        "phase": t.text("phase.\(phase.rawValue)", context.locale),
                    ]
                },
                "hasItems": !items.isEmpty,
            ])
    }
}
