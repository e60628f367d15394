import Foundation
import RegieCore
import RegieStore
import SQLKit

/// Writes the warm hand-over of a household that moved: its members and a case summary for the receiving
/// network — why the network was involved, the goals of the plan with their latest evaluation, the director,
/// and the safety check at closure. Read under the closing `decide` grant, before the plan is closed.
struct HandoverSummary {
    let app: WebApp

    func handover(_ closure: ClosureRequest, grant: AccessGrant, on db: any SQLDatabase) async throws -> WarmHandover {
        let t = app.views.translations
        let network = try await NetworkStore.find(grant.context.network, on: db)
        let members = try await HouseholdStore.members(grant, on: db)
        let goals = try await PlanStore.current(grant, on: db)?.adopted?.goals ?? []
        let evaluations = try await MonitoringStore.evaluations(grant, on: db)
        let director = try await DirectorStore.history(grant, on: db).current(.caseDirection)
        var lines = [
            "Warme overdracht vanuit \(network?.name ?? "een ander netwerk") (\(network?.municipality ?? "")): "
                + "afgesloten op \(closure.closedOn.dutch) wegens verhuizing naar \(closure.destination.trimmed).",
            director.map { "Regisseur tot de verhuizing: \($0.userName), \($0.organisationName)." }
                ?? "Er was geen regisseur aangesteld.",
        ]
        if !goals.isEmpty {
            lines.append("Doelen uit het plan:")
            for goal in goals {
                let latest = evaluations.last { $0.evaluation.goalKey == goal.key }
                let standing = latest.map { t.text($0.evaluation.status.textKey, "nl") } ?? "niet geëvalueerd"
                lines.append("- \(goal.description) (\(standing))")
            }
        }
        lines.append("Veiligheidscheck bij afsluiten: \(closure.safetyNote.trimmed)")
        if !closure.note.trimmed.isEmpty { lines.append("Toelichting: \(closure.note.trimmed)") }
        return WarmHandover(
            persons: members.map {
                WarmHandover.Person(
                    givenName: $0.givenName, familyNamePrefix: $0.familyNamePrefix, familyName: $0.familyName,
                    birthDate: $0.birthDate, unborn: $0.unborn, relation: $0.relation, custody: $0.custody,
                    protectionMeasure: $0.protectionMeasure, placement: $0.placement)
            }, destination: closure.destination.trimmed, summary: lines.joined(separator: "\n"),
            domains: Array(Set(goals.map(\.domain))).sorted())
    }
}
