import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// Setting a family's level (Amsterdam's pyramid, issue 8): a decision with a day and a reason, up or down; when
/// the new level puts the process with another role (from MPG2 the procesmanager), the people in that role are told.
struct FamilyLevelRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.post("cases/:id/family-level") { request, context in try await set(request, context) }
    }

    private func set(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let service = CaseService(app: app)
        return try await service.perform(
            request, context, .decide, notice: "notice.family_level_set", guarding: .caseData
        ) {
            form, grant, db in
            let profile = try await service.profile(of: grant.context.network, on: db)
            guard !profile.familyLevels.isEmpty else { throw StoreError.refused("error.family_levels_unused") }
            let history = try await FamilyLevelStore.history(grant, on: db)
            let level = Int(form.value("family_level") ?? "")
            let day = Day(form.value("family_level_on") ?? "")
            let reason = form.value("family_level_reason") ?? ""
            let problems = history.problems(level: level, reason: reason, on: day, today: Day(Date()), profile: profile)
            guard problems.isEmpty, let level, let day else { throw FieldProblems(problems) }
            try await FamilyLevelStore.record(level, on: day, reason: reason, grant: grant, on: db)
            guard FamilyLevelHistory.handsOver(from: history.current?.level, to: level, in: profile) else { return }
            let notifier = Notifier(app: app)
            try await notifier.tell(
                try await notifier.users(
                    with: [FamilyLevelHistory.responsible(for: level, in: profile)], in: grant.context.network, on: db),
                .familyLevel, household: grant.context.household, network: grant.context.network,
                reference: try await HouseholdStore.reference(grant, on: db),
                key: "family-level:\(grant.context.household.rawValue):\(history.changes.count + 1)", on: db)
        }
    }
}
