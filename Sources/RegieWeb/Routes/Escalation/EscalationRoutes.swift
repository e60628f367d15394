import Foundation
import Hummingbird
import RegieCore
import RegieStore
import SQLKit

/// Step 7 on the case: raising an escalation on the profile's ladder, taking it a rung higher, recording the
/// decision with the mandate used, and the register of pressure and coercion.
struct EscalationRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.post("cases/:id/escalations") { request, context in try await raise(request, context) }
        routes.post("cases/:id/escalations/:escalation/raise") { request, context in try await further(request, context)
        }
        routes.post("cases/:id/escalations/:escalation/decision") { request, context in
            try await decide(request, context)
        }
        routes.post("cases/:id/coercion") { request, context in try await coercion(request, context) }
    }

    private var service: CaseService { CaseService(app: app) }

    private func raise(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .decide, notice: "notice.escalation_raised") { form, grant, db in
            var problems: [String: String] = [:]
            let day = CaseService.day(form, "escalated_on", field: "escalatedOn", into: &problems)
            if let day, day > Day(Date()) { problems["escalatedOn"] = "error.date_future" }
            guard let kind = EscalationKind(rawValue: form.value("escalation_kind") ?? "") else {
                throw FieldProblems(["escalationKind": "error.invalid_choice"])
            }
            let organisation = OrganisationID(validating: form.value("blocking_organisation") ?? "")
            let known = try await organisation.asyncMap { try await OrganisationStore.find($0, on: db) } ?? nil
            let rule = form.value("blocking_rule") ?? ""
            let reason = form.value("escalation_reason") ?? ""
            problems.merge(
                EscalationRules.problems(
                    kind: kind, blockingOrganisation: known == nil ? nil : form.value("blocking_organisation"),
                    blockingRule: rule, reason: reason)
            ) { first, _ in first }
            if grant.context.phase != .active { problems["escalationReason"] = "error.case_not_open" }
            if kind.ladder(in: try await service.profile(of: grant.context.network, on: db)).isEmpty {
                problems["escalationKind"] = "error.no_ladder"
            }
            guard problems.isEmpty, let day else { throw FieldProblems(problems) }
            let id = try await EscalationStore.raise(
                kind, blockingOrganisation: kind == .organisational ? known?.id : nil, blockingRule: rule,
                reason: reason,
                on: day, grant: grant, on: db)
            let notifier = Notifier(app: app)
            try await notifier.tell(
                try await notifier.users(with: [.networkDirector, .processManager], in: grant.context.network, on: db),
                .escalationRaised, household: grant.context.household, network: grant.context.network,
                reference: try await HouseholdStore.reference(grant, on: db), key: "escalation-raised:\(id)", on: db)
        }
    }

    private func further(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .decide, notice: "notice.escalation_raised") { _, grant, db in
            let id = try context.parameters.require("escalation")
            guard let escalation = try await EscalationStore.escalations(grant, on: db).first(where: { $0.id == id })
            else { throw StoreError.notFound("escalation") }
            let profile = try await service.profile(of: grant.context.network, on: db)
            let today = Day(Date())
            let (clock, steps) = escalation.course(in: profile, calendar: app.calendar, today: today)
            guard let current = steps.last,
                current.rung + 1 < clock.ladder.count
            else { throw StoreError.refused("error.escalation_top") }
            try await EscalationStore.raiseFurther(id, to: current.rung + 1, on: today, grant: grant, on: db)
            let notifier = Notifier(app: app)
            try await notifier.tell(
                try await notifier.users(with: [.networkDirector, .processManager], in: grant.context.network, on: db),
                .escalationRaised, household: grant.context.household, network: grant.context.network,
                reference: try await HouseholdStore.reference(grant, on: db),
                key: "escalation-raised:\(id):\(current.rung + 1)", on: db)
        }
    }

    private func decide(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .decide, notice: "notice.escalation_decided") { form, grant, db in
            let id = try context.parameters.require("escalation")
            var problems: [String: String] = [:]
            let day = CaseService.day(form, "decided_on", field: "decidedOn", into: &problems)
            if let day, day > Day(Date()) { problems["decidedOn"] = "error.date_future" }
            let decision = form.value("decision") ?? ""
            let mandate = EscalationMandate(rawValue: form.value("mandate") ?? "")
            problems.merge(
                EscalationRules.decisionProblems(
                    decision: decision, mandate: mandate,
                    profile: try await service.profile(of: grant.context.network, on: db),
                    roles: grant.actor.roles(in: grant.context.network))
            ) { first, _ in first }
            let structural = ["yes": true, "no": false][form.value("structural") ?? ""]
            if structural == nil { problems["structural"] = "error.invalid_choice" }
            let category = PolicySignal.Category(rawValue: form.value("signal_category") ?? "")
            if structural == true && category == nil { problems["signalCategory"] = "error.policy_signal_category" }
            let spending = try await spending(form, mandate: mandate, on: day, grant: grant, into: &problems, db)
            guard problems.isEmpty, let day, let mandate, let structural else { throw FieldProblems(problems) }
            try await EscalationStore.decide(
                id, decision: decision, mandate: mandate, policySignal: structural ? category : nil,
                spending: spending, on: day, grant: grant, on: db)
            let notifier = Notifier(app: app)
            try await notifier.tell(
                try await notifier.users(with: [.processManager], in: grant.context.network, on: db),
                .escalationDecided, household: grant.context.household, network: grant.context.network,
                reference: try await HouseholdStore.reference(grant, on: db), key: "escalation-decided:\(id)", on: db)
        }
    }

    /// The amount a decision takes from the care-purchase budget: required with that mandate (once the mandate itself
    /// is allowed), refused without it, and never more than the year's balance — checked with the network locked,
    /// inside the decision's transaction.
    private func spending(
        _ form: FormData, mandate: EscalationMandate?, on day: Day?, grant: AccessGrant,
        into problems: inout [String: String], _ db: any SQLDatabase
    ) async throws -> Euro? {
        let typed = form.value("budget_amount") ?? ""
        guard mandate == .careBudget else {
            if !typed.trimmingCharacters(in: .whitespaces).isEmpty {
                problems["budgetAmount"] = "error.budget_amount_without_mandate"
            }
            return nil
        }
        guard problems["mandate"] == nil else { return nil }
        try await CareBudgetStore.lock(grant.context.network, on: db)
        let budget = try await CareBudgetStore.budget(of: grant.context.network, on: db)
        let (amount, problem) = budget.spendingProblem(typed, on: day ?? Day(Date()))
        if let problem { problems["budgetAmount"] = problem }
        return amount
    }

    private func coercion(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .update, notice: "notice.coercion_recorded") { form, grant, db in
            var problems: [String: String] = [:]
            let from = CaseService.day(form, "coercion_from", field: "coercionFrom", into: &problems)
            let untilText = form.value("coercion_until") ?? ""
            let until = untilText.isEmpty ? nil : Day(untilText)
            if !untilText.isEmpty && until == nil { problems["until"] = "error.date_invalid" }
            let measure = CoercionMeasure(
                measure: form.value("coercion_measure") ?? "", legalBasis: form.value("coercion_basis") ?? "",
                imposedBy: form.value("coercion_by") ?? "", from: from ?? Day(Date()), until: until)
            problems.merge(measure.problems) { first, _ in first }
            guard problems.isEmpty, from != nil else { throw FieldProblems(problems) }
            try await CoercionStore.record(measure, grant: grant, on: db)
        }
    }
}
