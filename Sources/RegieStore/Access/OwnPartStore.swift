import Foundation
import RegieCore
import SQLKit

/// The part of a file a care-team partner sees without the whole file (the minimum view): who the household is,
/// who directs it, its own organisation's commitments with the goals they serve, its own organisation's progress
/// notes and aftercare answers. Everything here is filtered by the grant's organisation, so a `viewOwnPart` grant
/// never reads another partner's notes.
public enum OwnPartStore {
    /// Own commitments and the goals of the plan they serve.
    public struct Commitments: Sendable {
        public let items: [CommitmentStore.Item]
        /// Only the goals an own commitment serves, in plan order.
        public let goals: [PlanGoal]
    }

    /// The whole own part, as the partner's view of the case shows it.
    public struct Part: Sendable {
        public let reference: String
        public let members: [HouseholdStore.Member]
        public let caseDirector: DirectorAppointment?
        public let commitments: Commitments
        public let progress: [MonitoringStore.Entry]
        /// The latest closure's day and id while the household is in aftercare, with the checks answered by anyone
        /// (process facts for the schedule) and the own organisation's answers.
        public let aftercare: (closure: String, closedOn: Day, answered: Set<Int>)?
        public let aftercareAnswers: [AftercareStore.Answer]
    }

    /// The commitments of the grant's organisation (or owned by its user) and the goals they serve.
    public static func commitments(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> Commitments {
        precondition(grant.action == .viewOwnPart, "The own part is read under its own grant")
        let items = try await CommitmentStore.items(grant, on: db).filter {
            $0.organisation == grant.actor.organisation || $0.person == grant.actor.user
        }
        let plan = try await PlanStore.shown(grant, on: db)
        let keys = Set(items.compactMap(\.goalKey))
        let goals = ((plan?.adopted ?? plan?.concept)?.goals ?? []).filter { keys.contains($0.key) }
        return Commitments(items: items, goals: goals)
    }

    /// Everything of the own part.
    public static func part(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> Part {
        let own = grant.actor.organisation
        let closure = grant.context.phase == .aftercare ? try await ClosureStore.latest(grant, on: db) : nil
        let answers = try await closure.asyncMap {
            try await AftercareStore.answers(closure: $0.id, grant: grant, on: db)
        }
        return Part(
            reference: try await HouseholdStore.reference(grant, on: db),
            members: try await HouseholdStore.members(grant, on: db),
            caseDirector: try await DirectorStore.history(grant, on: db).current(.caseDirection),
            commitments: try await commitments(grant, on: db),
            progress: try await MonitoringStore.entries(grant, on: db).filter { $0.organisation == own },
            aftercare: closure.map { ($0.id, $0.request.closedOn, Set((answers ?? []).map(\.checkIndex))) },
            aftercareAnswers: (answers ?? []).filter { $0.organisationId == own.rawValue })
    }
}
