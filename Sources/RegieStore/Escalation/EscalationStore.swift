import Foundation
import RegieCore
import SQLKit

/// Escalations (opschaling, step 7): raised on the content or organisational ladder, taken a rung higher by
/// hand or — derived by `EscalationClock` — by a passed deadline, and decided with the mandate used. A
/// structural solution also becomes a policy signal.
public enum EscalationStore {
    /// An escalation as the case and the worklists show it.
    public struct Escalation: Sendable {
        public let id: String
        public let household: HouseholdID
        public let network: NetworkID
        public let kind: EscalationKind
        public let blockingOrganisation: String
        public let blockingRule: String
        public let reason: String
        public let raisedBy: String
        public let raisedOn: Day
        /// The rungs people took (the raise first), as (rung, day).
        public let recorded: [(rung: Int, on: Day)]
        public let decidedOn: Day?
        public let decision: String
        public let mandate: EscalationMandate?
        public let structural: Bool?
        public let decidedBy: String
        /// What the decision spent from the care-purchase budget, when it used that mandate.
        public let spent: Euro?
    }

    /// Raises an escalation at the ladder's first rung. Needs a `decide` grant.
    @discardableResult
    public static func raise(
        _ kind: EscalationKind, blockingOrganisation: OrganisationID?, blockingRule: String, reason: String,
        on day: Day,
        grant: AccessGrant, at moment: Date = Date(), on db: any SQLDatabase
    ) async throws -> String {
        precondition(grant.action == .decide, "Escalating is a process decision")
        let id = TimeOrderedID.make()
        try await db.insert(into: "escalations")
            .columns(
                "id", "household_id", "network_id", "kind", "blocking_organisation_id", "blocking_rule", "reason",
                "raised_by", "raised_on", "raised_at"
            )
            .values(
                SQLBind(id), SQLBind(grant.context.household.rawValue), SQLBind(grant.context.network.rawValue),
                SQLBind(kind.rawValue), SQLBind(blockingOrganisation?.rawValue), SQLBind(blockingRule.trimmed),
                SQLBind(reason.trimmed), SQLBind(grant.actor.user.rawValue), SQLBind(day.iso), SQLBind(moment.millis)
            )
            .run()
        try await step(id, rung: 0, on: day, grant: grant, at: moment, on: db)
        try await TimelineStore.append(
            "escalation.raised", summary: kind == .content ? "Inhoudelijk opgeschaald" : "Organisatorisch opgeschaald",
            recording: ["escalation": id], by: grant, at: moment, on: db)
        return id
    }

    /// Takes an undecided escalation of the grant's household one rung higher by hand, from `day`.
    public static func raiseFurther(
        _ id: String, to rung: Int, on day: Day, grant: AccessGrant, at moment: Date = Date(), on db: any SQLDatabase
    ) async throws {
        precondition(grant.action == .decide, "Escalating is a process decision")
        guard let escalation = try await escalations(grant, on: db).first(where: { $0.id == id }) else {
            throw StoreError.notFound("escalation")
        }
        guard escalation.decidedOn == nil else { throw StoreError.refused("error.escalation_decided") }
        try await step(id, rung: rung, on: day, grant: grant, at: moment, on: db)
        try await TimelineStore.append(
            "escalation.raised_further", summary: "Opgeschaald naar trede \(rung + 1)", recording: ["escalation": id],
            by: grant, at: moment, on: db)
    }

    private static func step(
        _ id: String, rung: Int, on day: Day, grant: AccessGrant, at moment: Date, on db: any SQLDatabase
    ) async throws {
        try await db.insert(into: "escalation_steps")
            .columns("id", "escalation_id", "rung", "started_on", "recorded_by", "recorded_at")
            .values(
                SQLBind(TimeOrderedID.make()), SQLBind(id), SQLBind(rung), SQLBind(day.iso),
                SQLBind(grant.actor.user.rawValue), SQLBind(moment.millis)
            )
            .run()
    }

    /// Records the decision on an escalation, once. A structural solution (`policySignal` names its category) is
    /// also registered as a policy signal, linked to the household; `spending` is what the decision takes from the
    /// care-purchase budget (the caller checked the balance under `CareBudgetStore.lock`).
    public static func decide(
        _ id: String, decision: String, mandate: EscalationMandate, policySignal: PolicySignal.Category?,
        spending: Euro? = nil, on day: Day, grant: AccessGrant, at moment: Date = Date(), on db: any SQLDatabase
    ) async throws {
        precondition(grant.action == .decide, "Deciding an escalation is a process decision")
        let updated = try await db.update("escalations").set("decided_on", to: SQLBind(day.iso))
            .set("decision", to: SQLBind(decision.trimmed)).set("mandate", to: SQLBind(mandate.rawValue))
            .set("structural", to: SQLBind(policySignal != nil))
            .set("decided_by", to: SQLBind(grant.actor.user.rawValue))
            .set("decided_at", to: SQLBind(moment.millis))
            .where("id", .equal, SQLBind(id)).where("household_id", .equal, SQLBind(grant.context.household.rawValue))
            .where("decided_on", .is, SQLLiteral.null)
            .returning("id").all()
        guard !updated.isEmpty else { throw StoreError.refused("error.escalation_decided") }
        if let policySignal {
            try await PolicySignalStore.raise(
                .init(
                    category: policySignal, description: decision, source: .escalation, sourceID: id,
                    household: grant.context.household),
                in: grant.context.network, by: grant.actor.user, at: moment, on: db)
        }
        if let spending {
            try await CareBudgetStore.spend(spending, escalation: id, on: day, grant: grant, at: moment, on: db)
        }
        let summary =
            policySignal != nil ? "Opschaling besloten (structurele oplossing, beleidssignaal)" : "Opschaling besloten"
        try await TimelineStore.append(
            "escalation.decided", summary: summary + (spending.map { "; \($0.dutch) uit het zorginkoopbudget" } ?? ""),
            recording: ["escalation": id, "mandate": mandate.rawValue], by: grant, at: moment, on: db)
    }

    private struct Row: Decodable {
        let id: String, householdId: String, networkId: String, kind: String, blockingName: String?
        let blockingRule: String, reason: String, raisedByName: String, raisedOn: String, decidedOn: String?
        let decision: String, mandate: String?, structural: Bool?, decidedByName: String?, spentCents: Int?
    }

    /// The escalations of the grant's household, oldest first.
    public static func escalations(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> [Escalation] {
        try await load(byHousehold.fetch([grant.context.household.rawValue], on: db), on: db)
    }

    /// Undecided escalations of a network — process facts only (ladder, rungs, dates), for the timers and the
    /// process manager's worklist, which read no content.
    public static func undecided(in network: NetworkID, on db: any SQLDatabase) async throws -> [Escalation] {
        try await load(
            select(
                where: SQLBinaryExpression(
                    SQLBinaryExpression(
                        SQLColumn("network_id", table: "escalations"), .equal, SQLBind(network.rawValue)),
                    .and, SQLBinaryExpression(SQLColumn("decided_on", table: "escalations"), .is, SQLLiteral.null)),
                on: db),
            on: db)
    }

    /// Every network with an undecided escalation.
    public static func networksWithUndecided(on db: any SQLDatabase) async throws -> [NetworkID] {
        try await db.select().column("network_id").from("escalations").where("decided_on", .is, SQLLiteral.null)
            .groupBy("network_id").all()
            .map { NetworkID(rawValue: try $0.decode(column: "network_id", as: String.self)) }
    }

    /// Marks that the escalation's rise to `rung` was noticed; `true` only for the first app server to notice,
    /// which then tells the people concerned.
    public static func noticeRise(_ id: String, rung: Int, at moment: Date = Date(), on db: any SQLDatabase)
        async throws -> Bool
    {
        !(try await db.insert(into: "escalation_rises").columns("escalation_id", "rung", "noticed_at")
            .values(SQLBind(id), SQLBind(rung), SQLBind(moment.millis))
            .ignoringConflicts(with: ["escalation_id", "rung"]).returning("escalation_id").all()).isEmpty
    }

    /// Names the statement below on PostgreSQL, where it runs prepared (`KeptStatement`): every case page reads it,
    /// and planning its four joins afresh took PostgreSQL thirteen times as long as running it.
    enum ByHousehold {}

    /// The escalations of a household, oldest first.
    private static let byHousehold = KeptStatement<ByHousehold> { db, parameters in
        select(
            where: SQLBinaryExpression(SQLColumn("household_id", table: "escalations"), .equal, SQLBind(parameters[0])),
            on: db
        ).query
    }

    /// The escalations matching `condition`, with the names of the blocking organisation and the people involved
    /// and what was spent on them, oldest first.
    private static func select(where condition: any SQLExpression, on db: any SQLDatabase) -> SQLSelectBuilder {
        db.select()
            .columns(
                SQLColumn("id", table: "escalations"), SQLColumn("household_id", table: "escalations"),
                SQLColumn("network_id", table: "escalations"), SQLColumn("kind", table: "escalations"),
                SQLAlias(SQLColumn("name", table: "organisations"), as: SQLIdentifier("blocking_name")),
                SQLColumn("blocking_rule", table: "escalations"), SQLColumn("reason", table: "escalations"),
                SQLAlias(SQLColumn("name", table: "raiser"), as: SQLIdentifier("raised_by_name")),
                SQLColumn("raised_on", table: "escalations"), SQLColumn("decided_on", table: "escalations"),
                SQLColumn("decision", table: "escalations"), SQLColumn("mandate", table: "escalations"),
                SQLColumn("structural", table: "escalations"),
                SQLAlias(SQLColumn("name", table: "decider"), as: SQLIdentifier("decided_by_name")),
                SQLAlias(SQLColumn("amount_cents", table: "care_budget_spendings"), as: SQLIdentifier("spent_cents"))
            )
            .from("escalations")
            .join(
                SQLIdentifier("organisations"), method: SQLJoinMethod.left,
                on: SQLColumn("id", table: "organisations"), .equal,
                SQLColumn("blocking_organisation_id", table: "escalations")
            )
            .join(
                SQLAlias(SQLIdentifier("users"), as: SQLIdentifier("raiser")), method: SQLJoinMethod.inner,
                on: SQLBinaryExpression(
                    SQLColumn("id", table: "raiser"), .equal, SQLColumn("raised_by", table: "escalations"))
            )
            .join(
                SQLAlias(SQLIdentifier("users"), as: SQLIdentifier("decider")), method: SQLJoinMethod.left,
                on: SQLBinaryExpression(
                    SQLColumn("id", table: "decider"), .equal, SQLColumn("decided_by", table: "escalations"))
            )
            .join(
                "care_budget_spendings", method: SQLJoinMethod.left,
                on: SQLColumn("escalation_id", table: "care_budget_spendings"), .equal,
                SQLColumn("id", table: "escalations")
            )
            .where(condition).orderBy(SQLColumn("raised_at", table: "escalations"))
    }

    /// The escalations `query` reads, each with the rungs it climbed.
    private static func load(_ query: any SQLQueryFetcher, on db: any SQLDatabase) async throws -> [Escalation] {
        let rows = try await query.all(decoding: Row.self, keyDecodingStrategy: .snakeCase)
        guard !rows.isEmpty else { return [] }
        let steps = try await db.select().columns("escalation_id", "rung", "started_on").from("escalation_steps")
            .where("escalation_id", .in, SQLGroupExpression(rows.map { SQLBind($0.id) })).orderBy("recorded_at").all()
        var recorded: [String: [(rung: Int, on: Day)]] = [:]
        for step in steps {
            guard let day = Day(try step.decode(column: "started_on", as: String.self)) else { continue }
            recorded[try step.decode(column: "escalation_id", as: String.self), default: []].append(
                (try step.decode(column: "rung", as: Int.self), day))
        }
        return rows.compactMap { row in
            guard let kind = EscalationKind(rawValue: row.kind), let raised = Day(row.raisedOn) else { return nil }
            return Escalation(
                id: row.id, household: HouseholdID(rawValue: row.householdId),
                network: NetworkID(rawValue: row.networkId), kind: kind, blockingOrganisation: row.blockingName ?? "",
                blockingRule: row.blockingRule, reason: row.reason, raisedBy: row.raisedByName, raisedOn: raised,
                recorded: recorded[row.id] ?? [], decidedOn: row.decidedOn.flatMap(Day.init), decision: row.decision,
                mandate: row.mandate.flatMap(EscalationMandate.init(rawValue:)), structural: row.structural,
                decidedBy: row.decidedByName ?? "", spent: row.spentCents.map(Euro.init(cents:)))
        }
    }
}
