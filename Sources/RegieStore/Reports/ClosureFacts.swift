import Foundation
import RegieCore
import SQLKit

/// The closures of the figures, per household, with their aftercare answers; `facts` adds the checks due by today
/// and whether the household relapsed within 12 months.
struct ClosureFacts {
    let closedOn: Day
    let reason: ClosureReason
    let followUpRecorded: Bool
    let answers: [(check: Int, answer: AftercareAnswer)]

    private struct Row: Decodable {
        let id: String, householdId: String, reason: String, closedOn: String, destination: String, staysInView: String
    }
    private struct AnswerRow: Decodable { let closureId: String, checkIndex: Int, answer: String }

    static func load(_ scope: FigureScope, on db: any SQLDatabase) async throws -> [String: [ClosureFacts]] {
        let rows = try await db.select().columns(
            "id", "household_id", "reason", "closed_on", "destination", "stays_in_view"
        )
        .from("closures").within(scope, "closures")
        .all(decoding: Row.self, keyDecodingStrategy: .snakeCase)
        let answers = FigureStore.grouped(
            try await db.select().column(SQLColumn("closure_id", table: "aftercare_answers"))
                .column(SQLColumn("check_index", table: "aftercare_answers")).column(
                    SQLColumn("answer", table: "aftercare_answers")
                )
                .from("aftercare_answers")
                .join(
                    SQLIdentifier("closures"), on: SQLColumn("id", table: "closures"), .equal,
                    SQLColumn("closure_id", table: "aftercare_answers")
                )
                .within(scope, "closures")
                .all(decoding: AnswerRow.self, keyDecodingStrategy: .snakeCase), by: \.closureId)
        var result: [String: [ClosureFacts]] = [:]
        for row in rows {
            guard let day = Day(row.closedOn), let reason = ClosureReason(rawValue: row.reason) else { continue }
            result[row.householdId, default: []].append(
                ClosureFacts(
                    closedOn: day, reason: reason,
                    followUpRecorded: !row.destination.trimmed.isEmpty || !row.staysInView.trimmed.isEmpty,
                    answers: (answers[row.id] ?? []).compactMap { answer in
                        AftercareAnswer(rawValue: answer.answer).map { (answer.checkIndex, $0) }
                    }))
        }
        return result
    }

    /// The closure as the figures count it: checks due by `today` under `schedule` and answered, and a relapse
    /// within 12 months of closing.
    func facts(schedule: AftercareSchedule?, relapses: [Day], today: Day) -> FigureFacts.Closure {
        let due = (schedule?.days(closedOn: closedOn) ?? []).filter { $0 <= today }.count
        let answered = Set(answers.map(\.check)).filter { $0 < due }.count
        return FigureFacts.Closure(
            closedOn: closedOn, reason: reason, followUpRecorded: followUpRecorded,
            aftercareAnswers: answers.map(\.answer),
            checksDue: due, checksAnswered: answered,
            relapsed: relapses.contains { $0 > closedOn && $0 <= closedOn.adding(months: 12) })
    }
}
