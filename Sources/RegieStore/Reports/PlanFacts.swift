import Foundation
import RegieCore
import SQLKit

/// The plan and assessment facts of the figures, per household: the first adoption day, whether the plan in
/// force covers every current member and every domain scored 1–2, whether a goal is in the household's own words,
/// and the change of the lowest score per domain between the first and the last assessment day.
struct PlanFacts {
    var firstAdopted: [String: Day] = [:]
    var complete: [String: Bool] = [:]
    var householdWords: Set<String> = []
    var scoreChanges: [String: [String: (first: Int, last: Int)]] = [:]

    // Region-wide figures decode hundreds of thousands of these rows: explicit column names spare the decoder
    // converting every key from snake case on every row (a third of the dashboard's time).
    private struct VersionRow: Decodable {
        let id: String, householdId: String, status: String, adoptedOn: String?, closedAt: Int64?
        enum CodingKeys: String, CodingKey {
            case id, status, householdId = "household_id", adoptedOn = "adopted_on", closedAt = "closed_at"
        }
    }
    private struct GoalRow: Decodable {
        let versionId: String, domain: String, persons: String, householdWords: String
        enum CodingKeys: String, CodingKey {
            case domain, persons, versionId = "version_id", householdWords = "household_words"
        }
    }
    private struct ReasonRow: Decodable {
        let versionId: String, domain: String, reason: String
        enum CodingKeys: String, CodingKey { case domain, reason, versionId = "version_id" }
    }
    private struct ScoreRow: Decodable {
        let householdId: String, personId: String, domain: String, score: Int, assessedOn: String
        enum CodingKeys: String, CodingKey {
            case domain, score, householdId = "household_id", personId = "person_id", assessedOn = "assessed_on"
        }
    }
    private struct MemberRow: Decodable {
        let householdId: String, personId: String
        enum CodingKeys: String, CodingKey { case householdId = "household_id", personId = "person_id" }
    }

    static func load(_ scope: FigureScope, on db: any SQLDatabase) async throws -> PlanFacts {
        var facts = PlanFacts()
        let versions = try await db.select()
            .column(SQLColumn("id", table: "plan_versions")).column(SQLColumn("household_id", table: "plans"))
            .column(SQLColumn("status", table: "plan_versions")).column(SQLColumn("adopted_on", table: "plan_versions"))
            .column(SQLColumn("closed_at", table: "plans"))
            .from("plan_versions")
            .join(
                SQLIdentifier("plans"), on: SQLColumn("id", table: "plans"), .equal,
                SQLColumn("plan_id", table: "plan_versions")
            )
            .inNetworks(scope, householdOf: "plans")
            .all(decoding: VersionRow.self)
        for version in versions {
            guard let day = version.adoptedOn.flatMap(Day.init) else { continue }
            facts.firstAdopted[version.householdId] = min(facts.firstAdopted[version.householdId] ?? day, day)
        }
        // The plan in force: the adopted version of the household's open plan.
        let inForce = Dictionary(
            versions.filter { $0.status == PlanStatus.adopted.rawValue && $0.closedAt == nil }.map {
                ($0.id, $0.householdId)
            },
            uniquingKeysWith: { first, _ in first })
        let ids = SQLGroupExpression(inForce.keys.map { SQLBind($0) })
        let goals =
            inForce.isEmpty
            ? []
            : try await db.select().columns("version_id", "domain", "persons", "household_words")
                .from("plan_goals").where("version_id", .in, ids)
                .all(decoding: GoalRow.self)
        let reasons =
            inForce.isEmpty
            ? []
            : try await db.select().columns("version_id", "domain", "reason")
                .from("plan_reasons").where("version_id", .in, ids)
                .all(decoding: ReasonRow.self)
        let scores = FigureStore.grouped(
            try await db.select()
                .column(SQLColumn("household_id", table: "domain_scores")).column(
                    SQLColumn("person_id", table: "domain_scores")
                )
                .column(SQLColumn("domain", table: "domain_scores")).column(SQLColumn("score", table: "domain_scores"))
                .column(SQLColumn("assessed_on", table: "domain_scores"))
                .from("domain_scores")
                .inNetworks(scope, householdOf: "domain_scores")
                .orderBy(SQLColumn("recorded_at", table: "domain_scores"))
                .all(decoding: ScoreRow.self), by: \.householdId)
        let members = FigureStore.grouped(
            try await db.select()
                .column(SQLColumn("household_id", table: "household_members")).column(
                    SQLColumn("person_id", table: "household_members")
                )
                .from("household_members")
                .inNetworks(scope, householdOf: "household_members")
                .where(SQLColumn("left_on", table: "household_members"), .is, SQLLiteral.null)
                .all(decoding: MemberRow.self), by: \.householdId)
        let goalsOf = Dictionary(grouping: goals, by: \.versionId)
        let reasonsOf = Dictionary(grouping: reasons, by: \.versionId)
        for (version, household) in inForce {
            let versionGoals = goalsOf[version] ?? []
            if versionGoals.contains(where: { !$0.householdWords.trimmed.isEmpty }) {
                facts.householdWords.insert(household)
            }
            let history = ScoreHistory(
                (scores[household] ?? []).compactMap { row in
                    guard let score = SelfSufficiencyScore(rawValue: row.score), let day = Day(row.assessedOn) else {
                        return nil
                    }
                    return DomainScore(
                        person: row.personId, domain: row.domain, score: score, assessedOn: day, assessor: "")
                })
            let covered = Set(versionGoals.flatMap { $0.persons.split(separator: ",").map(String.init) })
            let everyMember = (members[household] ?? []).allSatisfy { covered.contains($0.personId) }
            let answered = Set(versionGoals.map(\.domain)).union(
                (reasonsOf[version] ?? []).filter { !$0.reason.trimmed.isEmpty }.map(\.domain))
            facts.complete[household] = everyMember && history.domainsNeedingGoals.isSubset(of: answered)
        }
        for (household, rows) in scores {
            let days = Set(rows.compactMap { Day($0.assessedOn) })
            guard let first = days.min(), let last = days.max(), first != last else { continue }
            var change: [String: (first: Int, last: Int)] = [:]
            for domain in Set(rows.map(\.domain)) {
                let lowest = { (day: Day) in
                    rows.filter { $0.domain == domain && Day($0.assessedOn) == day }.map(\.score).min()
                }
                if let from = lowest(first), let to = lowest(last) { change[domain] = (from, to) }
            }
            facts.scoreChanges[household] = change
        }
        return facts
    }
}
