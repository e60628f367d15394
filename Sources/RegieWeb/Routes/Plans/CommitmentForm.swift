import Foundation
import RegieCore
import RegieStore
import SQLKit

/// Reads a commitment from the plan's action form or a conference's work-agreement form: the owner must be
/// an active person in the network, the goal one of the plan's, and the earlier action one of the household's.
enum CommitmentForm {
    static func read(_ form: FormData, grant: AccessGrant, on db: any SQLDatabase) async throws -> Commitment {
        var problems: [String: String] = [:]
        let owner = try await UserStore.find(UserID(rawValue: form.value("commitment_owner") ?? ""), on: db)
        let roles = owner == nil ? [] : try await UserStore.roles(of: owner!.id, on: db)
        if owner?.active != true || !roles.contains(where: { $0.network == grant.context.network }) {
            problems["commitmentOwner"] = "error.commitment_owner"
        }
        let goal = form.value("commitment_goal").flatMap { $0.isEmpty ? nil : $0 }
        let plan = try await PlanStore.current(grant, on: db)
        if let goal, !(plan?.versions.contains { $0.goals.contains { $0.key == goal } } ?? false) {
            problems["commitmentGoal"] = "error.invalid_choice"
        }
        let after = form.value("commitment_after").flatMap { $0.isEmpty ? nil : $0 }
        if let after, !(try await CommitmentStore.items(grant, on: db).contains { $0.id == after }) {
            problems["commitmentAfter"] = "error.invalid_choice"
        }
        let commitment = Commitment(
            description: form.value("commitment_description") ?? "",
            organisation: owner?.organisation ?? OrganisationID(rawValue: ""), person: owner?.id,
            dueOn: Day(form.value("commitment_due") ?? ""), goalKey: goal, after: after)
        problems.merge(commitment.problems) { first, _ in first }
        guard problems.isEmpty else { throw FieldProblems(problems) }
        return commitment
    }
}
