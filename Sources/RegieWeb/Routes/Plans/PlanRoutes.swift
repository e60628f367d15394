import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// Step 5 on the case: one plan with the household — starting it, context, goals, reasons for domains
/// without a goal, the household's agreement, adoption, revision, and the commitments partners are asked for.
struct PlanRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.post("cases/:id/plan") { request, context in try await start(request, context) }
        routes.post("cases/:id/plan/context") { request, context in try await saveContext(request, context) }
        routes.post("cases/:id/plan/goals") { request, context in try await addGoal(request, context) }
        routes.post("cases/:id/plan/goals/:key/remove") { request, context in try await removeGoal(request, context) }
        routes.post("cases/:id/plan/reasons") { request, context in try await reasons(request, context) }
        routes.post("cases/:id/plan/agreement") { request, context in try await agreement(request, context) }
        routes.post("cases/:id/plan/adopt") { request, context in try await adopt(request, context) }
        routes.post("cases/:id/plan/revise") { request, context in try await revise(request, context) }
        routes.post("cases/:id/commitments") { request, context in try await commit(request, context) }
    }

    private var service: CaseService { CaseService(app: app) }

    private func start(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .update, notice: "notice.plan_started") { form, grant, db in
            guard grant.context.phase == .active else { throw FieldProblems(["general": "error.case_not_open"]) }
            var goals: [PlanGoal] = []
            if form.value("carry_goals") == "1", let previous = try await PlanStore.previous(grant, on: db) {
                let members = Set(try await HouseholdStore.members(grant, on: db).map(\.id))
                goals = previous.goalsToCarry(members: members, newKey: { UUID().uuidString.lowercased() })
            }
            try await PlanStore.start(context: form.value("context") ?? "", goals: goals, grant: grant, on: db)
        }
    }

    private func saveContext(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .update, notice: "notice.plan_saved", guarding: .plan) {
            form, grant, db in
            try await PlanStore.saveContext(form.value("context") ?? "", grant: grant, on: db)
        }
    }

    private func addGoal(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .update, notice: "notice.goal_added") { form, grant, db in
            let profile = try await service.profile(of: grant.context.network, on: db)
            let goal = PlanGoal(
                key: UUID().uuidString.lowercased(), domain: form.value("goal_domain") ?? "",
                persons: form.all("goal_person"), description: form.value("goal_description") ?? "",
                householdWords: form.value("goal_words") ?? "", targetOn: Day(form.value("goal_target") ?? ""))
            let members = Set(try await HouseholdStore.members(grant, on: db).map(\.id))
            let problems = goal.problems(domains: profile.domains, members: members, today: Day(Date()))
            guard problems.isEmpty else { throw FieldProblems(problems) }
            try await PlanStore.add(goal, grant: grant, on: db)
        }
    }

    private func removeGoal(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let key = try context.parameters.require("key")
        return try await service.perform(request, context, .update, notice: "notice.goal_removed", guarding: .plan) {
            _, grant, db in
            try await PlanStore.removeGoal(key: key, grant: grant, on: db)
        }
    }

    private func reasons(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .update, notice: "notice.plan_saved", guarding: .plan) {
            form, grant, db in
            let profile = try await service.profile(of: grant.context.network, on: db)
            var any = false
            for domain in profile.domains {
                guard let reason = form.value("reason_\(domain.code)") else { continue }
                any = any || !reason.isEmpty
                try await PlanStore.setReason(domain: domain.code, reason: reason, grant: grant, on: db)
            }
            if !any { throw FieldProblems(["reasons": "error.reason_missing"]) }
        }
    }

    private func agreement(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .update, notice: "notice.agreement_recorded", guarding: .plan) {
            form, grant, db in
            var problems: [String: String] = [:]
            let day = CaseService.day(form, "agreement_on", field: "agreementOn", into: &problems)
            guard let answer = HouseholdAgreement.Answer(rawValue: form.value("agreement") ?? "") else {
                problems["agreement"] = "error.invalid_choice"
                throw FieldProblems(problems)
            }
            let agreement = HouseholdAgreement(
                answer: answer, on: day ?? Day(Date()), how: form.value("agreement_how") ?? "")
            problems.merge(agreement.problems) { first, _ in first }
            guard problems.isEmpty else { throw FieldProblems(problems) }
            try await PlanStore.record(agreement, grant: grant, on: db)
        }
    }

    private func adopt(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .decide, notice: "notice.plan_adopted", guarding: .plan) {
            form, grant, db in
            var problems: [String: String] = [:]
            let day = CaseService.day(form, "adopted_on", field: "adoptedOn", into: &problems)
            let facts = try await CaseFacts.load(grant, app: app, on: db)
            let meeting = form.value("meeting").flatMap { $0.isEmpty ? nil : $0 }
            if let meeting, !facts.conferences.contains(where: { $0.id == meeting }) {
                problems["meeting"] = "error.invalid_choice"
            }
            if let block = facts.adoptionBlocks.first { problems["adopt"] = block.textKey }
            guard problems.isEmpty, let day else { throw FieldProblems(problems) }
            try await PlanStore.adopt(on: day, meeting: meeting, grant: grant, on: db)
        }
    }

    private func revise(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .update, notice: "notice.revision_started") { _, grant, db in
            try await PlanStore.revise(grant: grant, on: db)
        }
    }

    private func commit(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .update, notice: "notice.commitment_added") { form, grant, db in
            let commitment = try await CommitmentForm.read(form, grant: grant, on: db)
            try await CommitmentStore.propose(commitment, grant: grant, on: db)
        }
    }
}
