import Foundation
import RegieCore
import SQLKit

/// The progress of an adopted plan (steps 6–7): progress entries (notes, bilateral contacts, progress talks,
/// reports, with a deviation flag) and the periodic evaluation of each goal with the household's view. Both
/// are history; every entry is also a timeline event.
public enum MonitoringStore {
    /// A progress entry as the case shows it.
    public struct Entry: Sendable {
        public let id: String
        public let entry: ProgressEntry
        public let withWhom: String
        public let text: String
        public let author: String
        /// The organisation of the author: a partner without the whole file sees only its own organisation's.
        public let organisation: OrganisationID
    }

    /// An evaluation as the case shows it.
    public struct Evaluation: Sendable {
        public let evaluation: GoalEvaluation
        public let householdView: String
        public let note: String
        public let author: String
    }

    /// Records a progress entry. Needs an `addToOwnPart` grant: every care-team member notes progress on its own
    /// part; an entry is never dated in the future.
    public static func record(
        _ entry: ProgressEntry, withWhom: String, text: String, grant: AccessGrant, at moment: Date = Date(),
        on db: any SQLDatabase
    ) async throws {
        precondition(grant.action == .addToOwnPart, "A progress entry adds to one's own part")
        try await db.insert(into: "progress_entries")
            .columns(
                "id", "household_id", "kind", "occurred_on", "with_whom", "text", "deviation", "recorded_by",
                "recorded_at"
            )
            .values(
                SQLBind(TimeOrderedID.make()), SQLBind(grant.context.household.rawValue),
                SQLBind(entry.kind.rawValue), SQLBind(entry.on.iso), SQLBind(withWhom.trimmed), SQLBind(text.trimmed),
                SQLBind(entry.deviation), SQLBind(grant.actor.user.rawValue), SQLBind(moment.millis)
            )
            .run()
        try await TimelineStore.append(
            "progress.\(entry.kind.rawValue)",
            summary: "\(Self.summaries[entry.kind] ?? "Voortgang") op \(entry.on.dutch)"
                + (entry.deviation ? " — afwijking van het plan gemeld" : ""),
            by: grant, at: moment, on: db)
    }

    private static let summaries: [ProgressEntry.Kind: String] = [
        .note: "Voortgangsnotitie", .contact: "Bilateraal contact", .talk: "Voortgangsgesprek met het huishouden",
        .report: "Voortgangsrapportage",
    ]

    private struct EntryRow: Decodable {
        let id: String, kind: String, occurredOn: String, withWhom: String, text: String, deviation: Bool
        let author: String, organisationId: String
    }

    /// The household's progress entries, oldest first.
    public static func entries(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> [Entry] {
        try await db.select()
            .column(SQLColumn("id", table: "progress_entries")).column(SQLColumn("kind", table: "progress_entries"))
            .column(SQLColumn("occurred_on", table: "progress_entries"))
            .column(SQLColumn("with_whom", table: "progress_entries"))
            .column(SQLColumn("text", table: "progress_entries"))
            .column(SQLColumn("deviation", table: "progress_entries"))
            .column(SQLAlias(SQLColumn("name", table: "users"), as: SQLIdentifier("author")))
            .column(SQLColumn("organisation_id", table: "users"))
            .from("progress_entries")
            .join(
                SQLIdentifier("users"), on: SQLColumn("id", table: "users"), .equal,
                SQLColumn("recorded_by", table: "progress_entries")
            )
            .where(
                SQLColumn("household_id", table: "progress_entries"), .equal, SQLBind(grant.context.household.rawValue)
            )
            .orderBy(SQLColumn("occurred_on", table: "progress_entries"))
            .orderBy(SQLColumn("recorded_at", table: "progress_entries"))
            .all(decoding: EntryRow.self, keyDecodingStrategy: .snakeCase)
            .compactMap { row in
                guard let kind = ProgressEntry.Kind(rawValue: row.kind), let day = Day(row.occurredOn) else {
                    return nil
                }
                return Entry(
                    id: row.id, entry: ProgressEntry(kind: kind, on: day, deviation: row.deviation),
                    withWhom: row.withWhom, text: row.text, author: row.author,
                    organisation: OrganisationID(rawValue: row.organisationId))
            }
    }

    /// Records the evaluation of a goal of the adopted plan. Needs an `update` grant.
    public static func evaluate(
        _ evaluation: GoalEvaluation, householdView: String, note: String, grant: AccessGrant, at moment: Date = Date(),
        on db: any SQLDatabase
    ) async throws {
        precondition(grant.action == .update, "An evaluation changes the file")
        guard let plan = try await PlanStore.current(grant, on: db), let adopted = plan.adopted,
            adopted.goals.contains(where: { $0.key == evaluation.goalKey })
        else { throw StoreError.refused("error.goal_not_in_plan") }
        try await db.insert(into: "goal_evaluations")
            .columns(
                "id", "household_id", "plan_id", "goal_key", "status", "household_view", "note", "evaluated_on",
                "recorded_by", "recorded_at"
            )
            .values(
                SQLBind(TimeOrderedID.make()), SQLBind(grant.context.household.rawValue), SQLBind(plan.id),
                SQLBind(evaluation.goalKey), SQLBind(evaluation.status.rawValue), SQLBind(householdView.trimmed),
                SQLBind(note.trimmed), SQLBind(evaluation.evaluatedOn.iso), SQLBind(grant.actor.user.rawValue),
                SQLBind(moment.millis)
            )
            .run()
        try await TimelineStore.append(
            "goal.evaluated", summary: "Doel geëvalueerd op \(evaluation.evaluatedOn.dutch)",
            recording: ["goal": evaluation.goalKey, "status": evaluation.status.rawValue], by: grant, at: moment,
            on: db)
    }

    private struct EvaluationRow: Decodable {
        let goalKey: String, status: String, householdView: String, note: String, evaluatedOn: String, author: String
    }

    /// The household's goal evaluations of its open plan, oldest first.
    public static func evaluations(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> [Evaluation] {
        try await db.select()
            .column(SQLColumn("goal_key", table: "goal_evaluations")).column(
                SQLColumn("status", table: "goal_evaluations")
            )
            .column(SQLColumn("household_view", table: "goal_evaluations"))
            .column(SQLColumn("note", table: "goal_evaluations"))
            .column(SQLColumn("evaluated_on", table: "goal_evaluations"))
            .column(SQLAlias(SQLColumn("name", table: "users"), as: SQLIdentifier("author")))
            .from("goal_evaluations")
            .join(
                SQLIdentifier("users"), on: SQLColumn("id", table: "users"), .equal,
                SQLColumn("recorded_by", table: "goal_evaluations")
            )
            .join(
                SQLIdentifier("plans"), on: SQLColumn("id", table: "plans"), .equal,
                SQLColumn("plan_id", table: "goal_evaluations")
            )
            .where(
                SQLColumn("household_id", table: "goal_evaluations"), .equal, SQLBind(grant.context.household.rawValue)
            )
            .where(SQLColumn("closed_at", table: "plans"), .is, SQLLiteral.null)
            .orderBy(SQLColumn("evaluated_on", table: "goal_evaluations"))
            .orderBy(SQLColumn("recorded_at", table: "goal_evaluations"))
            .all(decoding: EvaluationRow.self, keyDecodingStrategy: .snakeCase)
            .compactMap { row in
                guard let status = GoalEvaluation.Status(rawValue: row.status), let day = Day(row.evaluatedOn) else {
                    return nil
                }
                return Evaluation(
                    evaluation: GoalEvaluation(goalKey: row.goalKey, status: status, evaluatedOn: day),
                    householdView: row.householdView, note: row.note, author: row.author)
            }
    }

    /// The day of each commitment's latest answer, for stall detection.
    public static func commitmentAnswerDays(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> [String: Day]
    {
        let rows = try await db.select()
            .column(SQLColumn("commitment_id", table: "commitment_responses"))
            .column(SQLColumn("responded_at", table: "commitment_responses"))
            .from("commitment_responses")
            .join(
                SQLIdentifier("commitments"), on: SQLColumn("id", table: "commitments"), .equal,
                SQLColumn("commitment_id", table: "commitment_responses")
            )
            .where(SQLColumn("household_id", table: "commitments"), .equal, SQLBind(grant.context.household.rawValue))
            .orderBy(SQLColumn("responded_at", table: "commitment_responses")).all()
        var days: [String: Day] = [:]
        for row in rows {
            days[try row.decode(column: "commitment_id", as: String.self)] = Day(
                Date(millis: try row.decode(column: "responded_at", as: Int64.self)))
        }
        return days
    }
}
