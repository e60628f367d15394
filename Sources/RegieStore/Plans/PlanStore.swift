import Foundation
import RegieCore
import SQLKit

/// One household, one plan (step 5): a plan with numbered versions (concept → adopted → revised), each with
/// its context, goals, reasons for domains without a goal, and the household's agreement. Only a concept can
/// change; a revision is a new concept that copies the adopted version. Every change is a timeline event.
public enum PlanStore {
    /// One version of the plan with everything in it.
    public struct Version: Sendable {
        public let id: String
        public let number: Int
        public let status: PlanStatus
        public let context: String
        public let agreement: HouseholdAgreement?
        public let adoptedOn: Day?
        public let meeting: String?
        public let createdAt: Date
        public let goals: [PlanGoal]
        /// Why a domain scored 1–2 has no goal, per domain code.
        public let reasons: [String: String]
    }

    /// A plan of the household with all its versions, newest first.
    public struct Plan: Sendable {
        public let id: String
        public let versions: [Version]
        /// When closing the case closed the plan; `nil` for the open plan, the only one that can change.
        public var closedAt: Date? = nil
        /// The version being worked on, if any.
        public var concept: Version? { versions.first { $0.status == .concept } }
        /// The version in force, if any.
        public var adopted: Version? { versions.first { $0.status == .adopted } }
    }

    private struct VersionRow: Decodable {
        let id: String, version: Int, status: String, context: String, agreement: String?, agreementOn: String?
        let agreementHow: String, adoptedOn: String?, meetingId: String?, createdAt: Int64
    }

    private struct GoalRow: Decodable {
        let versionId: String, goalKey: String, domain: String, persons: String, description: String
        let householdWords: String, targetOn: String?
    }

    /// The open plan of the household, or `nil` when none was started.
    public static func current(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> Plan? {
        guard let planID = try await openPlanID(grant.context.household, on: db) else { return nil }
        return try await plan(planID, on: db)
    }

    /// The plan to show: the open plan, or — in aftercare and after, when closing the case closed it — the plan
    /// the case was closed with, read-only, so that the goals the commitments served stay in view.
    public static func shown(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> Plan? {
        if let open = try await current(grant, on: db) { return open }
        guard grant.context.phase == .aftercare || grant.context.phase == .closed else { return nil }
        return try await previous(grant, on: db)
    }

    /// The plan the household's last closure closed, read-only (`closedAt` set); `nil` when no plan was closed.
    /// A reopened case shows it beside the start of its new plan (`PlanCarryOver`).
    public static func previous(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> Plan? {
        guard
            let last = try await db.select().columns("id", "closed_at").from("plans")
                .where("household_id", .equal, SQLBind(grant.context.household.rawValue))
                .where("closed_at", .isNot, SQLLiteral.null)
                .orderBy("closed_at", .descending).limit(1).first()
        else { return nil }
        var plan = try await plan(try last.decode(column: "id", as: String.self), on: db)
        plan.closedAt = Date(millis: try last.decode(column: "closed_at", as: Int64.self))
        return plan
    }

    /// A plan with all its versions, goals and reasons.
    private static func plan(_ planID: String, on db: any SQLDatabase) async throws -> Plan {
        let rows = try await db.select()
            .columns(
                "id", "version", "status", "context", "agreement", "agreement_on", "agreement_how", "adopted_on",
                "meeting_id", "created_at"
            )
            .from("plan_versions").where("plan_id", .equal, SQLBind(planID)).orderBy("version", .descending)
            .all(decoding: VersionRow.self, keyDecodingStrategy: .snakeCase)
        let ids = rows.map { SQLBind($0.id) }
        let goals =
            ids.isEmpty
            ? []
            : try await db.select()
                .columns("version_id", "goal_key", "domain", "persons", "description", "household_words", "target_on")
                .from("plan_goals").where("version_id", .in, SQLGroupExpression(ids)).orderBy("position")
                .all(decoding: GoalRow.self, keyDecodingStrategy: .snakeCase)
        let reasons =
            ids.isEmpty
            ? []
            : try await db.select().columns("version_id", "domain", "reason")
                .from("plan_reasons").where("version_id", .in, SQLGroupExpression(ids)).all()
        var reasonsByVersion: [String: [String: String]] = [:]
        for row in reasons {
            reasonsByVersion[try row.decode(column: "version_id", as: String.self), default: [:]][
                try row.decode(column: "domain", as: String.self)] = try row.decode(column: "reason", as: String.self)
        }
        return Plan(
            id: planID,
            versions: rows.map { row in
                Version(
                    id: row.id, number: row.version, status: PlanStatus(rawValue: row.status) ?? .concept,
                    context: row.context,
                    agreement: row.agreement.flatMap(HouseholdAgreement.Answer.init(rawValue:)).flatMap { answer in
                        row.agreementOn.flatMap(Day.init).map {
                            HouseholdAgreement(answer: answer, on: $0, how: row.agreementHow)
                        }
                    },
                    adoptedOn: row.adoptedOn.flatMap(Day.init), meeting: row.meetingId,
                    createdAt: Date(millis: row.createdAt),
                    goals: goals.filter { $0.versionId == row.id }.map {
                        PlanGoal(
                            key: $0.goalKey, domain: $0.domain,
                            persons: $0.persons.split(separator: ",").map(String.init), description: $0.description,
                            householdWords: $0.householdWords, targetOn: $0.targetOn.flatMap(Day.init))
                    },
                    reasons: reasonsByVersion[row.id] ?? [:])
            })
    }

    /// The household's open plan (a household has one at most).
    static func openPlanID(_ household: HouseholdID, on db: any SQLDatabase) async throws -> String? {
        try await openPlanStatement.fetch([household.rawValue], on: db).first()?.decode(column: "id", as: String.self)
    }

    /// Names the statement below on PostgreSQL, where it runs prepared (`KeptStatement`): every list row derived
    /// for a changed household reads it.
    enum OpenPlanStatement {}

    private static let openPlanStatement = KeptStatement<OpenPlanStatement> { db, parameters in
        db.select().column("id").from("plans").where("household_id", .equal, SQLBind(parameters[0]))
            .where("closed_at", .is, SQLLiteral.null).query
    }

    /// Starts the household's plan with a first concept, holding `goals` (taken over from the plan a reopened case
    /// was closed with, `PlanCarryOver`). A household has one open plan: a second is refused, by this check and, for
    /// two saves at the same moment, by a unique index.
    public static func start(
        context: String, goals: [PlanGoal] = [], grant: AccessGrant, at moment: Date = Date(), on db: any SQLDatabase
    ) async throws {
        precondition(grant.action == .update, "Starting the plan changes the file")
        guard try await openPlanID(grant.context.household, on: db) == nil else {
            throw StoreError.refused("error.plan_exists")
        }
        let planID = TimeOrderedID.make()
        do {
            try await db.insert(into: "plans").columns("id", "household_id", "opened_at")
                .values(SQLBind(planID), SQLBind(grant.context.household.rawValue), SQLBind(moment.millis)).run()
        } catch let error where error.isUniqueViolation {
            throw StoreError.refused("error.plan_exists")
        }
        let version = try await insertVersion(
            planID: planID, number: 1, context: context, grant: grant, at: moment, on: db)
        for (position, goal) in goals.enumerated() {
            try await insert(goal, version: version, position: position, on: db)
        }
        try await TimelineStore.append(
            "plan.started",
            summary: goals.isEmpty
                ? "Plan gestart (versie 1, concept)"
                : "Plan gestart (versie 1, concept) met \(goals.count) \(goals.count == 1 ? "doel" : "doelen") uit het vorige plan",
            by: grant, at: moment, on: db)
    }

    private static func insertVersion(
        planID: String, number: Int, context: String, grant: AccessGrant, at moment: Date, on db: any SQLDatabase
    ) async throws -> String {
        let id = TimeOrderedID.make()
        try await db.insert(into: "plan_versions")
            .columns("id", "plan_id", "version", "status", "context", "created_by", "created_at")
            .values(
                SQLBind(id), SQLBind(planID), SQLBind(number), SQLBind(PlanStatus.concept.rawValue), SQLBind(context),
                SQLBind(grant.actor.user.rawValue), SQLBind(moment.millis)
            )
            .run()
        return id
    }

    /// The household's concept version, or a refusal when there is none to edit.
    private static func concept(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> Version {
        guard let concept = try await current(grant, on: db)?.concept else {
            throw StoreError.refused("error.plan_not_concept")
        }
        return concept
    }

    /// Saves the context and issues of the concept.
    public static func saveContext(_ context: String, grant: AccessGrant, on db: any SQLDatabase) async throws {
        let version = try await concept(grant, on: db)
        try await db.update("plan_versions").set("context", to: SQLBind(context)).where(
            "id", .equal, SQLBind(version.id)
        )
        .run()
        try await TimelineStore.append(
            "plan.context_saved", summary: "Context van plan versie \(version.number) bijgewerkt", by: grant, on: db)
    }

    /// Adds a goal to the concept.
    public static func add(_ goal: PlanGoal, grant: AccessGrant, at moment: Date = Date(), on db: any SQLDatabase)
        async throws
    {
        let version = try await concept(grant, on: db)
        try await insert(goal, version: version.id, position: version.goals.count, on: db)
        try await TimelineStore.append(
            "plan.goal_added", summary: "Doel toegevoegd (\(goal.domain))", recording: goal, by: grant, at: moment,
            on: db)
    }

    private static func insert(_ goal: PlanGoal, version: String, position: Int, on db: any SQLDatabase) async throws {
        try await db.insert(into: "plan_goals")
            .columns(
                "id", "version_id", "goal_key", "domain", "persons", "description", "household_words", "target_on",
                "position"
            )
            .values(
                SQLBind(TimeOrderedID.make()), SQLBind(version), SQLBind(goal.key), SQLBind(goal.domain),
                SQLBind(goal.persons.joined(separator: ",")),
                SQLBind(goal.description.trimmingCharacters(in: .whitespacesAndNewlines)),
                SQLBind(goal.householdWords.trimmingCharacters(in: .whitespacesAndNewlines)),
                SQLBind(goal.targetOn?.iso), SQLBind(position)
            )
            .run()
    }

    /// Removes a goal from the concept (adopted versions keep theirs).
    public static func removeGoal(key: String, grant: AccessGrant, on db: any SQLDatabase) async throws {
        let version = try await concept(grant, on: db)
        guard version.goals.contains(where: { $0.key == key }) else { throw StoreError.notFound("goal") }
        try await db.delete(from: "plan_goals").where("version_id", .equal, SQLBind(version.id))
            .where("goal_key", .equal, SQLBind(key)).run()
        try await TimelineStore.append(
            "plan.goal_removed", summary: "Doel verwijderd uit het concept", by: grant, on: db)
    }

    /// Records (or clears, with an empty text) why a domain has no goal.
    public static func setReason(domain: String, reason: String, grant: AccessGrant, on db: any SQLDatabase)
        async throws
    {
        let version = try await concept(grant, on: db)
        try await db.delete(from: "plan_reasons").where("version_id", .equal, SQLBind(version.id))
            .where("domain", .equal, SQLBind(domain)).run()
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty {
            try await db.insert(into: "plan_reasons").columns("version_id", "domain", "reason")
                .values(SQLBind(version.id), SQLBind(domain), SQLBind(text)).run()
        }
        try await TimelineStore.append(
            "plan.reason_set", summary: "Reden zonder doel vastgelegd (\(domain))", by: grant, on: db)
    }

    /// Records the household's agreement with the concept.
    public static func record(
        _ agreement: HouseholdAgreement, grant: AccessGrant, at moment: Date = Date(), on db: any SQLDatabase
    ) async throws {
        let version = try await concept(grant, on: db)
        try await db.update("plan_versions").set("agreement", to: SQLBind(agreement.answer.rawValue))
            .set("agreement_on", to: SQLBind(agreement.on.iso)).set("agreement_how", to: SQLBind(agreement.how))
            .where("id", .equal, SQLBind(version.id)).run()
        try await TimelineStore.append(
            "plan.agreement_recorded", summary: "Instemming huishouden: \(agreement.answer.rawValue)",
            recording: agreement, by: grant, at: moment, on: db)
    }

    /// Adopts the concept on `day` (in `meeting` when it was adopted in one); the version in force before
    /// it becomes `revised`. Needs a `decide` grant; the caller has checked `PlanAdoptionRules`.
    public static func adopt(
        on day: Day, meeting: String?, grant: AccessGrant, at moment: Date = Date(), on db: any SQLDatabase
    ) async throws {
        precondition(grant.action == .decide, "Adopting the plan is a decision")
        guard let plan = try await current(grant, on: db), let concept = plan.concept else {
            throw StoreError.refused("error.plan_not_concept")
        }
        if let adopted = plan.adopted {
            try await db.update("plan_versions").set("status", to: SQLBind(PlanStatus.revised.rawValue))
                .where("id", .equal, SQLBind(adopted.id)).run()
        }
        try await db.update("plan_versions").set("status", to: SQLBind(PlanStatus.adopted.rawValue))
            .set("adopted_on", to: SQLBind(day.iso)).set("meeting_id", to: SQLBind(meeting))
            .where("id", .equal, SQLBind(concept.id)).run()
        try await TimelineStore.append(
            "plan.adopted", summary: "Plan versie \(concept.number) vastgesteld op \(day.dutch)",
            recording: ["version": concept.number], by: grant, at: moment, on: db)
    }

    /// Starts a revision: a new concept version copying the version in force (goals keep their keys, so
    /// their commitments follow). The household's agreement is asked again.
    public static func revise(grant: AccessGrant, at moment: Date = Date(), on db: any SQLDatabase) async throws {
        precondition(grant.action == .update, "Revising the plan changes the file")
        guard let plan = try await current(grant, on: db), plan.concept == nil, let adopted = plan.adopted else {
            throw StoreError.refused("error.plan_not_adopted")
        }
        let number = (plan.versions.map(\.number).max() ?? 0) + 1
        let id = try await insertVersion(
            planID: plan.id, number: number, context: adopted.context, grant: grant, at: moment, on: db)
        for (position, goal) in adopted.goals.enumerated() {
            try await insert(goal, version: id, position: position, on: db)
        }
        for (domain, reason) in adopted.reasons {
            try await db.insert(into: "plan_reasons").columns("version_id", "domain", "reason")
                .values(SQLBind(id), SQLBind(domain), SQLBind(reason)).run()
        }
        try await TimelineStore.append(
            "plan.revision_started", summary: "Herziening gestart: versie \(number) (concept)", by: grant, at: moment,
            on: db)
    }
}
