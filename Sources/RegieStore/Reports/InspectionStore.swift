import Foundation
import RegieCore
import SQLKit

/// The network's answers to inspection indicators the data cannot show: ✓ or ✗ with a date and a document
/// reference (cooperation agreement, information-sharing covenant, policy). Append-only; the latest counts.
public enum InspectionStore {
    private struct Row: Decodable {
        let indicator: String, met: Bool, answeredOn: String, document: String, note: String
    }

    /// Records an answer for `indicator` of `network` by `user`; `AdminLog`-like history is the table itself.
    public static func record(
        _ answer: InspectionAssessment.RecordedAnswer, indicator: String, network: NetworkID, by user: UserID,
        at moment: Date = Date(), on db: any SQLDatabase
    ) async throws {
        try await db.insert(into: "inspection_answers")
            .columns(
                "id", "network_id", "indicator", "met", "answered_on", "document", "note", "recorded_by", "recorded_at"
            )
            .values(
                SQLBind(TimeOrderedID.make()), SQLBind(network.rawValue), SQLBind(indicator),
                SQLBind(answer.met), SQLBind(answer.on.iso), SQLBind(answer.document.trimmed),
                SQLBind(answer.note.trimmed),
                SQLBind(user.rawValue), SQLBind(moment.millis)
            )
            .run()
    }

    /// The latest answer per indicator of `network`.
    public static func answers(of network: NetworkID, on db: any SQLDatabase) async throws
        -> [String: InspectionAssessment.RecordedAnswer]
    {
        let rows = try await db.select().columns("indicator", "met", "answered_on", "document", "note")
            .from("inspection_answers").where("network_id", .equal, SQLBind(network.rawValue)).orderBy("recorded_at")
            .all(decoding: Row.self, keyDecodingStrategy: .snakeCase)
        var answers: [String: InspectionAssessment.RecordedAnswer] = [:]
        for row in rows {
            guard let day = Day(row.answeredOn) else { continue }
            answers[row.indicator] = .init(met: row.met, on: day, document: row.document, note: row.note)
        }
        return answers
    }
}
