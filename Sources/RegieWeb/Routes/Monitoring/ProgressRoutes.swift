import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// Steps 6–7 on the case: progress entries (with the deviation flag that tells the network director) and
/// the evaluation of each goal with the household's view. One transaction per post.
struct ProgressRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.post("cases/:id/progress") { request, context in try await progress(request, context) }
        routes.post("cases/:id/evaluations") { request, context in try await evaluate(request, context) }
    }

    private var service: CaseService { CaseService(app: app) }

    private func progress(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .addToOwnPart, notice: "notice.progress_recorded") {
            form, grant, db in
            var problems: [String: String] = [:]
            let day = CaseService.day(form, "progress_on", field: "progressOn", into: &problems)
            if let day, day > Day(Date()) { problems["progressOn"] = "error.date_future" }
            let kind = ProgressEntry.Kind(rawValue: form.value("progress_kind") ?? "")
            if kind == nil { problems["progressKind"] = "error.invalid_choice" }
            let text = form.value("progress_text") ?? ""
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems["progressText"] = "error.required"
            }
            let deviation = form.value("deviation") == "yes"
            // Flagging a deviation is a director's decision about the plan: the policy's `decide`.
            let directs = AccessPolicy.decide(actor: grant.actor, action: .decide, context: grant.context).allowed
            if deviation && !directs { problems["deviation"] = "error.deviation_director_only" }
            if let kind, kind.isDirectors && !directs { problems["progressKind"] = "error.progress_kind_director_only" }
            guard grant.context.phase == .active else { throw FieldProblems(["progressText": "error.case_not_open"]) }
            guard problems.isEmpty, let day, let kind else { throw FieldProblems(problems) }
            try await MonitoringStore.record(
                ProgressEntry(kind: kind, on: day, deviation: deviation), withWhom: form.value("with_whom") ?? "",
                text: text, grant: grant, on: db)
            if deviation {
                let notifier = Notifier(app: app)
                try await notifier.tell(
                    try await notifier.users(with: [.networkDirector], in: grant.context.network, on: db), .deviation,
                    household: grant.context.household, network: grant.context.network,
                    reference: try await HouseholdStore.reference(grant, on: db),
                    key: "deviation:\(UUID().uuidString.lowercased())", on: db)
            }
        }
    }

    private func evaluate(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .update, notice: "notice.evaluation_recorded") { form, grant, db in
            var problems: [String: String] = [:]
            let day = CaseService.day(form, "evaluated_on", field: "evaluatedOn", into: &problems)
            if let day, day > Day(Date()) { problems["evaluatedOn"] = "error.date_future" }
            let status = GoalEvaluation.Status(rawValue: form.value("evaluation_status") ?? "")
            if status == nil { problems["evaluationStatus"] = "error.invalid_choice" }
            let view = form.value("household_view") ?? ""
            if let problem = GoalEvaluation.problem(householdView: view) { problems["householdView"] = problem }
            let goal = form.value("evaluation_goal") ?? ""
            let goals = try await PlanStore.current(grant, on: db)?.adopted?.goals.map(\.key) ?? []
            if !goals.contains(goal) { problems["evaluationGoal"] = "error.goal_not_in_plan" }
            guard problems.isEmpty, let day, let status else { throw FieldProblems(problems) }
            try await MonitoringStore.evaluate(
                GoalEvaluation(goalKey: goal, status: status, evaluatedOn: day), householdView: view,
                note: form.value("evaluation_note") ?? "", grant: grant, on: db)
        }
    }
}
