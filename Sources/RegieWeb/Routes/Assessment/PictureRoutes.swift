import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// Step 4 on the case: appointing directors, scoring life domains, the safety picture and the informal
/// network. Each post is one transaction; problems show the case again with the input kept.
struct PictureRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.post("cases/:id/director") { request, context in try await appoint(request, context) }
        routes.post("cases/:id/assessment") { request, context in try await assess(request, context) }
        routes.post("cases/:id/safety") { request, context in try await safety(request, context) }
        routes.post("cases/:id/network") { request, context in try await network(request, context) }
    }

    private var service: CaseService { CaseService(app: app) }

    private func appoint(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .decide, notice: "notice.director_appointed", guarding: .caseData) {
            form, grant, db in
            var problems: [String: String] = [:]
            let day = CaseService.day(form, "director_from", field: "directorFrom", into: &problems)
            let kind = DirectorAppointment.Kind(rawValue: form.value("direction") ?? "")
            if kind == nil { problems["direction"] = "error.invalid_choice" }
            let candidate = try await UserStore.find(UserID(rawValue: form.value("director") ?? ""), on: db)
            let roles = candidate == nil ? [] : try await UserStore.roles(of: candidate!.id, on: db)
            let mayDirect =
                kind == .processDirection
                ? !roles.isDisjoint(with: [
                    RoleAssignment(role: .caseDirector, network: grant.context.network),
                    RoleAssignment(role: .networkDirector, network: grant.context.network),
                    RoleAssignment(role: .processManager, network: grant.context.network),
                ])
                : roles.contains(RoleAssignment(role: .caseDirector, network: grant.context.network))
            guard let candidate, candidate.active, mayDirect else {
                problems["director"] = "error.director_choice"
                throw FieldProblems(problems)
            }
            guard problems.isEmpty, let day, let kind else { throw FieldProblems(problems) }
            guard grant.context.phase == .active else { throw FieldProblems(["director": "error.case_not_open"]) }
            try await DirectorStore.appoint(candidate, kind: kind, from: day, grant: grant, on: db)
        }
    }

    private func assess(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(
            request, context, .update, notice: "notice.assessment_recorded", guarding: .assessment
        ) { form, grant, db in
            var problems: [String: String] = [:]
            let day = CaseService.day(form, "assessed_on", field: "assessedOn", into: &problems)
            if let day, day > Day(Date()) { problems["assessedOn"] = "error.date_future" }
            let person = form.value("assess_person") ?? ""
            let members = try await HouseholdStore.members(grant, on: db).map(\.id)
            if !members.contains(person) { problems["assessPerson"] = "error.invalid_choice" }
            let profile = try await service.profile(of: grant.context.network, on: db)
            var scores: [String: SelfSufficiencyScore] = [:]
            for domain in profile.domains {
                if let raw = form.value("score_\(domain.code)"), !raw.isEmpty {
                    guard let score = Int(raw).flatMap(SelfSufficiencyScore.init(rawValue:)) else {
                        problems["scores"] = "error.invalid_choice"
                        continue
                    }
                    scores[domain.code] = score
                }
            }
            if scores.isEmpty { problems["scores"] = "error.scores_none" }
            guard problems.isEmpty, let day else { throw FieldProblems(problems) }
            try await AssessmentStore.record(scores: scores, person: person, on: day, grant: grant, on: db)
        }
    }

    private func safety(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .update, notice: "notice.safety_recorded", guarding: .assessment) {
            form, grant, db in
            var problems: [String: String] = [:]
            let day = CaseService.day(form, "as_of", field: "asOf", into: &problems)
            let person = form.value("safety_person") ?? ""
            if !(try await HouseholdStore.members(grant, on: db).map(\.id).contains(person)) {
                problems["safetyPerson"] = "error.invalid_choice"
            }
            let picture = SafetyPicture(
                person: person, asOf: day ?? Day(Date()),
                concerns: Set(form.all("concern").compactMap(SafetyPicture.Concern.init(rawValue:))),
                note: form.value("safety_note") ?? "")
            problems.merge(picture.problems) { first, _ in first }
            guard problems.isEmpty else { throw FieldProblems(problems) }
            try await AssessmentStore.record(picture, grant: grant, on: db)
        }
    }

    private func network(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .update, notice: "notice.network_recorded") { form, grant, db in
            guard let kind = InformalNetworkEntry.Kind(rawValue: form.value("kind") ?? "") else {
                throw FieldProblems(["networkKind": "error.invalid_choice"])
            }
            let entry = InformalNetworkEntry(
                kind: kind, name: form.value("network_name") ?? "", description: form.value("network_description") ?? ""
            )
            guard entry.problems.isEmpty else { throw FieldProblems(entry.problems) }
            try await AssessmentStore.add(entry, grant: grant, on: db)
        }
    }
}
