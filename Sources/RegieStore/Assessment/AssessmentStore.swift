import Foundation
import RegieCore
import SQLKit

/// The integrated picture (step 4): self-sufficiency scores per member and domain, safety pictures and the
/// informal network. Scores and safety pictures are only ever added; the history is the record.
public enum AssessmentStore {
    /// Records the scores of one assessment of one member; needs an `update` grant.
    public static func record(
        scores: [String: SelfSufficiencyScore], person: String, on day: Day, grant: AccessGrant,
        at moment: Date = Date(), on db: any SQLDatabase
    ) async throws {
        precondition(grant.action == .update, "Scoring changes the file")
        for (domain, score) in scores.sorted(by: { $0.key < $1.key }) {
            try await db.insert(into: "domain_scores")
                .columns(
                    "id", "household_id", "person_id", "domain", "score", "assessed_on", "assessor_user_id",
                    "recorded_at"
                )
                .values(
                    SQLBind(TimeOrderedID.make()), SQLBind(grant.context.household.rawValue),
                    SQLBind(person), SQLBind(domain), SQLBind(score.rawValue), SQLBind(day.iso),
                    SQLBind(grant.actor.user.rawValue), SQLBind(moment.millis)
                )
                .run()
        }
        try await TimelineStore.append(
            "assessment.recorded", summary: "Leefgebieden gescoord (\(scores.count)) op \(day.dutch)",
            recording: ["person": person, "day": day.iso], by: grant, at: moment, on: db)
    }

    private struct ScoreRow: Decodable {
        let personId: String, domain: String, score: Int, assessedOn: String, assessorName: String
    }

    /// Every score of the household, as a history.
    public static func scores(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> ScoreHistory {
        let rows = try await db.select()
            .column(SQLColumn("person_id", table: "domain_scores")).column(SQLColumn("domain", table: "domain_scores"))
            .column(SQLColumn("score", table: "domain_scores"))
            .column(SQLColumn("assessed_on", table: "domain_scores"))
            .column(SQLAlias(SQLColumn("name", table: "users"), as: SQLIdentifier("assessor_name")))
            .from("domain_scores")
            .join(
                SQLIdentifier("users"), on: SQLColumn("id", table: "users"), .equal,
                SQLColumn("assessor_user_id", table: "domain_scores")
            )
            .where(SQLColumn("household_id", table: "domain_scores"), .equal, SQLBind(grant.context.household.rawValue))
            .orderBy(SQLColumn("recorded_at", table: "domain_scores"))
            .all(decoding: ScoreRow.self, keyDecodingStrategy: .snakeCase)
        return ScoreHistory(
            rows.compactMap { row in
                guard let score = SelfSufficiencyScore(rawValue: row.score), let day = Day(row.assessedOn) else {
                    return nil
                }
                return DomainScore(
                    person: row.personId, domain: row.domain, score: score, assessedOn: day,
                    assessor: row.assessorName)
            })
    }

    /// Records a member's safety picture; needs an `update` grant.
    public static func record(
        _ picture: SafetyPicture, grant: AccessGrant, at moment: Date = Date(), on db: any SQLDatabase
    ) async throws {
        try await db.insert(into: "safety_pictures")
            .columns("id", "household_id", "person_id", "as_of", "concerns", "note", "recorded_by", "recorded_at")
            .values(
                SQLBind(TimeOrderedID.make()), SQLBind(grant.context.household.rawValue),
                SQLBind(picture.person), SQLBind(picture.asOf.iso),
                SQLBind(picture.concerns.map(\.rawValue).sorted().joined(separator: ",")), SQLBind(picture.note),
                SQLBind(grant.actor.user.rawValue), SQLBind(moment.millis)
            )
            .run()
        try await TimelineStore.append(
            "safety.recorded",
            summary: "Veiligheidsbeeld per \(picture.asOf.dutch): \(picture.isSafe ? "geen zorgen" : "zorgen")",
            recording: ["person": picture.person, "asOf": picture.asOf.iso], by: grant, at: moment, on: db)
    }

    private struct SafetyRow: Decodable { let personId: String, asOf: String, concerns: String, note: String }

    /// The latest safety picture per member (a later as-of day wins).
    public static func safety(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> [SafetyPicture] {
        let rows = try await db.select().columns("person_id", "as_of", "concerns", "note").from("safety_pictures")
            .where("household_id", .equal, SQLBind(grant.context.household.rawValue))
            .orderBy("as_of").orderBy("recorded_at")
            .all(decoding: SafetyRow.self, keyDecodingStrategy: .snakeCase)
        var latest: [String: SafetyPicture] = [:]
        for row in rows {
            guard let day = Day(row.asOf) else { continue }
            latest[row.personId] = SafetyPicture(
                person: row.personId, asOf: day,
                concerns: Set(
                    row.concerns.split(separator: ",").compactMap { SafetyPicture.Concern(rawValue: String($0)) }),
                note: row.note)
        }
        return latest.values.sorted { $0.person < $1.person }
    }

    /// Adds a strength or someone from the informal network; needs an `update` grant.
    public static func add(
        _ entry: InformalNetworkEntry, grant: AccessGrant, at moment: Date = Date(), on db: any SQLDatabase
    ) async throws {
        try await db.insert(into: "informal_network")
            .columns("id", "household_id", "kind", "name", "description", "recorded_by", "recorded_at")
            .values(
                SQLBind(TimeOrderedID.make()), SQLBind(grant.context.household.rawValue),
                SQLBind(entry.kind.rawValue), SQLBind(entry.name.trimmingCharacters(in: .whitespacesAndNewlines)),
                SQLBind(entry.description.trimmingCharacters(in: .whitespacesAndNewlines)),
                SQLBind(grant.actor.user.rawValue), SQLBind(moment.millis)
            )
            .run()
        try await TimelineStore.append(
            "network_entry.recorded", summary: entry.kind == .strength ? "Kracht vastgelegd" : "Netwerk aangevuld",
            by: grant, at: moment, on: db)
    }

    private struct EntryRow: Decodable { let kind: String, name: String, description: String }

    /// The household's strengths and informal network, in the order recorded.
    public static func network(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> [InformalNetworkEntry] {
        try await db.select().columns("kind", "name", "description").from("informal_network")
            .where("household_id", .equal, SQLBind(grant.context.household.rawValue)).orderBy("recorded_at")
            .all(decoding: EntryRow.self, keyDecodingStrategy: .snakeCase)
            .map {
                InformalNetworkEntry(
                    kind: InformalNetworkEntry.Kind(rawValue: $0.kind) ?? .other, name: $0.name,
                    description: $0.description)
            }
    }
}
