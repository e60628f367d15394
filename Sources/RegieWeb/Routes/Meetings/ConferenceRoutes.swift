import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// Case conferences: calling one with its participants, the conference page with attendance and minutes,
/// and the work agreements from the minutes, each a commitment with an owner, a due day and a goal.
struct ConferenceRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.post("cases/:id/conferences") { request, context in try await schedule(request, context) }
        routes.get("cases/:id/conferences/:meeting") { request, context in
            try await page(context, notice: request.uri.queryParameters["notice"].map(String.init))
        }
        routes.post("cases/:id/conferences/:meeting/minutes") { request, context in try await minutes(request, context)
        }
        routes.post("cases/:id/conferences/:meeting/agreements") { request, context in
            try await agreement(request, context)
        }
    }

    private var service: CaseService { CaseService(app: app) }

    private func schedule(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .decide, notice: "notice.conference_scheduled") { form, grant, db in
            var problems: [String: String] = [:]
            let when = CaseService.meetingTime(
                form, day: "conference_day", time: "conference_time",
                fields: ("conferenceDay", "conferenceTime"), into: &problems)
            let people = Dictionary(
                uniqueKeysWithValues: try await service.people(in: grant.context.network, on: db).map {
                    ($0.user.id.rawValue, $0)
                })
            let chair = form.value("chair").flatMap { people[$0] }?.user.id
            let lead = form.value("content_lead").flatMap { people[$0] }?.user.id
            problems.merge(ConferenceRoles.problems(chair: chair, contentLead: lead)) { first, _ in first }
            var participants: [ConferenceParticipant] = form.all("worker").compactMap { people[$0] }.map {
                ConferenceParticipant(
                    kind: .worker, reference: $0.user.id.rawValue, name: "\($0.user.name) — \($0.organisation)")
            }
            let members = try await HouseholdStore.members(grant, on: db)
            participants += members.filter { form.all("member").contains($0.id) }.map {
                ConferenceParticipant(kind: .member, reference: $0.id, name: $0.name)
            }
            let informal = try await AssessmentStore.network(grant, on: db)
            participants += form.all("informal").compactMap { Int($0) }.filter { informal.indices.contains($0) }.map {
                ConferenceParticipant(
                    kind: .informal, reference: "", name: "\(informal[$0].name) (\(informal[$0].kind.rawValue))")
            }
            participants += (form.value("shell_partners") ?? "").split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .map { ConferenceParticipant(kind: .shellPartner, reference: "", name: String($0.prefix(200))) }
            guard problems.isEmpty, let when else { throw FieldProblems(problems) }
            try await MeetingStore.scheduleConference(
                MeetingStore.Plan(
                    kind: .caseConference, scheduledAt: when.start, durationMinutes: when.minutes,
                    place: form.value("place") ?? "", chair: chair, contentLead: lead, participants: participants),
                grant: grant, on: db)
        }
    }

    private func meeting(_ context: AppRequestContext, grant: AccessGrant) async throws -> MeetingStore.Meeting {
        let id = try context.parameters.require("meeting")
        guard
            let meeting = try await MeetingStore.conferences(grant, on: app.database.sql).first(where: { $0.id == id })
        else { throw HTTPError(.notFound, message: "error.not_found") }
        return meeting
    }

    func page(
        _ context: AppRequestContext, notice: String? = nil, form: FormData? = nil, problems: [String: String] = [:]
    ) async throws -> Response {
        let grant = try await service.grant(.viewContent, context)
        let view = try await CaseRoutes(app: app).view(grant, context, form: form)
        var values = view.values(problems: problems)
        values.merge(ConferenceView(base: view).values(meeting: try await meeting(context, grant: grant))) { _, new in
            new
        }
        values.merge(PlanView(base: view).values()) { first, _ in first }
        return app.views.render(
            "conference", page: try await app.page("conference.title", context, notice: notice), values: values,
            status: problems.isEmpty ? .ok : .unprocessableContent)
    }

    private func back(_ context: AppRequestContext) -> (HouseholdID) -> String {
        let meeting = context.parameters.get("meeting") ?? ""
        return { "/cases/\($0.rawValue)/conferences/\(meeting)" }
    }

    private func minutes(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(
            request, context, .update, notice: "notice.minutes_recorded", back: back(context),
            again: { form, problems in try await page(context, form: form, problems: problems) }
        ) { form, grant, db in
            let id = try context.parameters.require("meeting")
            let text = form.value("minutes") ?? ""
            if text.isEmpty { throw FieldProblems(["minutes": "error.required"]) }
            try await MeetingStore.recordMinutes(
                text, attended: Set(form.all("attended")), meeting: id, grant: grant, on: db)
        }
    }

    private func agreement(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(
            request, context, .update, notice: "notice.commitment_added", back: back(context),
            again: { form, problems in try await page(context, form: form, problems: problems) }
        ) { form, grant, db in
            let id = try context.parameters.require("meeting")
            guard try await MeetingStore.conferences(grant, on: db).contains(where: { $0.id == id }) else {
                throw StoreError.notFound("meeting")
            }
            let commitment = try await CommitmentForm.read(form, grant: grant, on: db)
            try await CommitmentStore.propose(commitment, meeting: id, grant: grant, on: db)
        }
    }
}
