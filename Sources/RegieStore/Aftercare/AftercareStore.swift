import Foundation
import RegieCore
import SQLKit

/// Partners' answers to the aftercare checks (step 9): still in care, ended well, dropped out. "Dropped out"
/// reopens the case; the answer to the last check ends the aftercare.
public enum AftercareStore {
    /// One answer as the case shows it.
    public struct Answer: Sendable, Decodable {
        public let checkIndex: Int
        public let organisation: String
        public let organisationId: String
        public let answer: String
        public let note: String
        public let answeredAt: Int64
    }

    /// Records the answer of the grant's organisation to check `index` of `closure`. Needs an `addToOwnPart` grant
    /// while the household is in aftercare. `endsAftercare` says whether this answer completes the schedule.
    public static func answer(
        _ answer: AftercareAnswer, note: String, check index: Int, closure: String, endsAftercare: Bool,
        grant: AccessGrant, at moment: Date = Date(), on db: any SQLDatabase
    ) async throws {
        precondition(grant.action == .addToOwnPart, "An aftercare answer adds to one's own part")
        guard grant.context.phase == .aftercare else { throw StoreError.refused("error.not_in_aftercare") }
        if answer == .droppedOut && note.trimmed.isEmpty { throw StoreError.refused("error.dropped_out_note") }
        try await db.insert(into: "aftercare_answers")
            .columns(
                "id", "closure_id", "check_index", "organisation_id", "answer", "note", "answered_by", "answered_at"
            )
            .values(
                SQLBind(TimeOrderedID.make()), SQLBind(closure), SQLBind(index),
                SQLBind(grant.actor.organisation.rawValue), SQLBind(answer.rawValue), SQLBind(note.trimmed),
                SQLBind(grant.actor.user.rawValue), SQLBind(moment.millis)
            )
            .run()
        try await TimelineStore.append(
            "aftercare.answered", summary: "Nazorgcheck \(index + 1) beantwoord",
            recording: ["answer": answer.rawValue, "check": String(index)], by: grant, at: moment, on: db)
        if answer == .droppedOut {
            try await ClosureStore.reopen(reason: "uit zorg gevallen (nazorgcheck)", grant: grant, at: moment, on: db)
        } else if endsAftercare {
            try await TimelineStore.append(
                "aftercare.ended", summary: "Nazorg afgerond", by: grant, at: moment, on: db)
        }
    }

    /// The answers to the checks of `closure`, oldest first. Reading them needs a grant on the household.
    public static func answers(closure: String, grant: AccessGrant, on db: any SQLDatabase) async throws -> [Answer] {
        try await answers(closure: closure, on: db)
    }

    /// The check indexes answered for `closure` — process facts for the aftercare timer.
    public static func answeredChecks(closure: String, on db: any SQLDatabase) async throws -> Set<Int> {
        Set(try await answers(closure: closure, on: db).map(\.checkIndex))
    }

    /// The check indexes answered for each of `closures`, in one read — for the worklist's aftercare checks.
    public static func answeredChecks(closures: [String], on db: any SQLDatabase) async throws -> [String: Set<Int>] {
        guard !closures.isEmpty else { return [:] }
        var answered: [String: Set<Int>] = [:]
        for row in try await db.select().column("closure_id").column("check_index").from("aftercare_answers")
            .where("closure_id", .in, SQLGroupExpression(closures.map { SQLBind($0) })).all()
        {
            answered[try row.decode(column: "closure_id", as: String.self), default: []]
                .insert(try row.decode(column: "check_index", as: Int.self))
        }
        return answered
    }

    private static func answers(closure: String, on db: any SQLDatabase) async throws -> [Answer] {
        try await db.select()
            .column(SQLColumn("check_index", table: "aftercare_answers"))
            .column(SQLAlias(SQLColumn("name", table: "organisations"), as: SQLIdentifier("organisation")))
            .column(SQLColumn("organisation_id", table: "aftercare_answers"))
            .column(SQLColumn("answer", table: "aftercare_answers")).column(
                SQLColumn("note", table: "aftercare_answers")
            )
            .column(SQLColumn("answered_at", table: "aftercare_answers"))
            .from("aftercare_answers")
            .join(
                SQLIdentifier("organisations"), on: SQLColumn("id", table: "organisations"), .equal,
                SQLColumn("organisation_id", table: "aftercare_answers")
            )
            .where(SQLColumn("closure_id", table: "aftercare_answers"), .equal, SQLBind(closure))
            .orderBy(SQLColumn("answered_at", table: "aftercare_answers"))
            .all(decoding: Answer.self, keyDecodingStrategy: .snakeCase)
    }
}
