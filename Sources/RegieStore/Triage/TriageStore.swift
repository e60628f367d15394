import Foundation
import RegieCore
import SQLKit

/// Records the decisions on a signal — crisis dispatch and the triage decision — as timeline events.
/// Statuses (decided, late, closed) are derived from these events, never stored as flags.
public enum TriageStore {
    /// A recorded triage decision, read back from the timeline.
    public struct Decided: Sendable {
        public let at: Date
        public let decision: TriageDecision
    }

    /// Records the triage decision; needs a `decide` grant.
    public static func record(
        _ decision: TriageDecision, grant: AccessGrant, at moment: Date = Date(),
        on db: any SQLDatabase
    ) async throws {
        precondition(grant.action == .decide, "A triage decision needs a decide grant")
        try await TimelineStore.append(
            decision.outcome.eventKind, summary: "Besluit over de melding: \(decision.outcome.rawValue)",
            recording: decision, by: grant, at: moment, on: db)
    }

    /// Records that the crisis service was sent (who, when); needs a `decide` grant.
    public static func recordCrisisDispatch(
        service: String, dispatchedAt: Date, grant: AccessGrant,
        on db: any SQLDatabase
    ) async throws {
        precondition(grant.action == .decide, "A crisis dispatch needs a decide grant")
        try await TimelineStore.append(
            "crisis.dispatched", summary: "Crisisdienst ingeschakeld: \(service)", recording: ["service": service],
            by: grant, at: dispatchedAt, on: db)
    }

    /// The triage decisions in `events`, oldest first.
    public static func decisions(in events: [TimelineEvent]) -> [Decided] {
        events.filter { $0.kind.hasPrefix("triage.") }.compactMap { event in
            guard let json = event.after,
                let decision = try? JSONDecoder().decode(TriageDecision.self, from: Data(json.utf8))
            else { return nil }
            return Decided(at: event.occurredAt, decision: decision)
        }
    }

    /// When and to whom a crisis service was sent, if it was.
    public static func crisisDispatch(in events: [TimelineEvent]) -> (at: Date, service: String)? {
        guard let event = events.last(where: { $0.kind == "crisis.dispatched" }) else { return nil }
        let service = event.after.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) }?[
            "service"]
        return (event.occurredAt, service ?? "")
    }
}
