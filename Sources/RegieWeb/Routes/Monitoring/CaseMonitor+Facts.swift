import Foundation
import RegieCore
import RegieStore

extension CaseMonitor.Facts {
    /// The monitoring facts of a case from what the stores return. A reopened case starts a new episode:
    /// commitments and scores from before the reopening no longer count for stalled care.
    static func of(
        plan: PlanStore.Plan?, progress: [ProgressEntry], evaluations: [GoalEvaluation],
        commitments: [CommitmentStore.Item], answerDays: [String: Day], scores: ScoreHistory, events: [TimelineEvent]
    ) -> CaseMonitor.Facts {
        let reopened = events.last { $0.kind == "case.reopened" }?.occurredAt
        let episode = reopened.map { Day($0) }
        let current = commitments.filter { item in reopened.map { item.createdAt > $0 } ?? true }
        return CaseMonitor.Facts(
            adopted: plan?.adopted?.adoptedOn, goals: plan?.adopted?.goals.map(\.key) ?? [], entries: progress,
            evaluations: evaluations,
            commitments: current.map {
                StallDetection.CommitmentFact(
                    id: $0.id, status: $0.status, dueOn: $0.dueOn, answeredOn: answerDays[$0.id])
            },
            scores: ScoreHistory(scores.scores.filter { score in episode.map { score.assessedOn >= $0 } ?? true }))
    }
}
