import Foundation
import RegieCore
import SQLKit

/// The information round (step 3): which partner organisations were asked, what they answered, home visits,
/// and the coordination decision that ends it. Every change writes a timeline event in the same transaction.
public enum InformationRoundStore {
    /// One partner organisation's request with its latest answer.
    public struct Request: Sendable {
        public let id: String
        public let organisation: OrganisationID
        public let organisationName: String
        public let askedAt: Date
        public let dueOn: Day
        public let answer: Answer?
    }

    /// What a partner answered.
    public struct Answer: Sendable {
        public let userName: String
        public let known: Bool
        public let shared: String
        public let answeredAt: Date
    }

    /// Asks `organisations` what they know; their partner workers in the network join the care team for the
    /// round, which lets them see the intake and answer. Needs a `decide` grant.
    public static func start(
        organisations: [OrganisationID], dueOn: Day, grant: AccessGrant, at moment: Date = Date(),
        on db: any SQLDatabase
    ) async throws {
        precondition(grant.action == .decide, "Starting an information round is a decision")
        let household = grant.context.household
        for organisation in organisations {
            try await db.insert(into: "information_requests")
                .columns("id", "household_id", "network_id", "organisation_id", "asked_by", "asked_at", "due_on")
                .values(
                    SQLBind(TimeOrderedID.make()), SQLBind(household.rawValue),
                    SQLBind(grant.context.network.rawValue), SQLBind(organisation.rawValue),
                    SQLBind(grant.actor.user.rawValue), SQLBind(moment.millis), SQLBind(dueOn.iso)
                )
                .run()
            for user in try await UserStore.users(with: .partnerWorker, in: grant.context.network, on: db)
            where user.organisation == organisation && user.active {
                try await HouseholdStore.addToCareTeam(
                    user.id, household: household, source: "information_round", on: db)
            }
        }
        try await TimelineStore.append(
            "information_round.started",
            summary: "Informatieronde gestart bij \(organisations.count) partners, antwoord uiterlijk \(dueOn.dutch)",
            by: grant, at: moment, on: db)
    }

    private struct RequestRow: Decodable {
        let id: String, organisationId: String, organisationName: String, askedAt: Int64, dueOn: String
    }

    private struct AnswerRow: Decodable {
        let requestId: String, userName: String, known: Bool, shared: String, answeredAt: Int64
    }

    /// The requests on the household the grant is for; only directors see every organisation's, anyone else
    /// (a partner in the round, a reporter) only their own organisation's.
    public static func requests(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> [Request] {
        var query = db.select()
            .column(SQLColumn("id", table: "information_requests"))
            .column(SQLColumn("organisation_id", table: "information_requests"))
            .column(SQLAlias(SQLColumn("name", table: "organisations"), as: SQLIdentifier("organisation_name")))
            .column(SQLColumn("asked_at", table: "information_requests"))
            .column(SQLColumn("due_on", table: "information_requests"))
            .from("information_requests")
            .join(
                SQLIdentifier("organisations"), on: SQLColumn("id", table: "organisations"), .equal,
                SQLColumn("organisation_id", table: "information_requests")
            )
            .where(
                SQLColumn("household_id", table: "information_requests"), .equal,
                SQLBind(grant.context.household.rawValue))
        let seesAll: Set<AccessRule> = [.networkDirector, .caseDirectorOfHousehold, .breakGlass]
        if !seesAll.contains(grant.decision.rule) {
            query = query.where(
                SQLColumn("organisation_id", table: "information_requests"), .equal,
                SQLBind(grant.actor.organisation.rawValue))
        }
        let rows = try await query.orderBy(SQLColumn("name", table: "organisations"))
            .all(decoding: RequestRow.self, keyDecodingStrategy: .snakeCase)
        var result: [Request] = []
        for row in rows {
            let answer = try await db.select()
                .column(SQLColumn("request_id", table: "information_answers"))
                .column(SQLAlias(SQLColumn("name", table: "users"), as: SQLIdentifier("user_name")))
                .column(SQLColumn("known", table: "information_answers"))
                .column(SQLColumn("shared", table: "information_answers"))
                .column(SQLColumn("answered_at", table: "information_answers"))
                .from("information_answers")
                .join(
                    SQLIdentifier("users"), on: SQLColumn("id", table: "users"), .equal,
                    SQLColumn("user_id", table: "information_answers")
                )
                .where(SQLColumn("request_id", table: "information_answers"), .equal, SQLBind(row.id))
                .orderBy(
                    SQLOrderBy(
                        expression: SQLColumn("answered_at", table: "information_answers"),
                        direction: SQLDirection.descending)
                )
                .first(decoding: AnswerRow.self, keyDecodingStrategy: .snakeCase)
            result.append(
                Request(
                    id: row.id, organisation: OrganisationID(rawValue: row.organisationId),
                    organisationName: row.organisationName, askedAt: Date(millis: row.askedAt),
                    dueOn: Day(row.dueOn) ?? Day(Date(millis: row.askedAt)),
                    answer: answer.map {
                        Answer(
                            userName: $0.userName, known: $0.known, shared: $0.shared,
                            answeredAt: Date(millis: $0.answeredAt))
                    }))
        }
        return result
    }

    /// A partner's answer for its organisation; a later answer replaces the earlier one in the view, both
    /// stay on record.
    public static func answer(
        requestID: String, known: Bool, shared: String, grant: AccessGrant,
        at moment: Date = Date(), on db: any SQLDatabase
    ) async throws {
        let own = try await requests(grant, on: db).first { $0.id == requestID }
        guard let own, own.organisation == grant.actor.organisation else { throw StoreError.notFound("request") }
        try await db.insert(into: "information_answers")
            .columns("id", "request_id", "user_id", "known", "shared", "answered_at")
            .values(
                SQLBind(TimeOrderedID.make()), SQLBind(requestID), SQLBind(grant.actor.user.rawValue),
                SQLBind(known), SQLBind(shared.trimmingCharacters(in: .whitespacesAndNewlines)),
                SQLBind(moment.millis)
            )
            .run()
        try await TimelineStore.append(
            "information_round.answered",
            summary: "\(own.organisationName) antwoordde: \(known ? "bekend" : "niet bekend")", by: grant, at: moment,
            on: db)
    }

    /// Households in `network` with a request to `organisation`, newest first (ids only).
    public static func households(
        askingOrganisation organisation: OrganisationID, in network: NetworkID,
        on db: any SQLDatabase
    ) async throws -> [HouseholdID] {
        try await db.select().column("household_id")
            .column(SQLAlias(SQLFunction("MAX", args: SQLColumn("asked_at")), as: SQLIdentifier("latest")))
            .from("information_requests")
            .where("organisation_id", .equal, SQLBind(organisation.rawValue))
            .where("network_id", .equal, SQLBind(network.rawValue))
            .groupBy("household_id").orderBy("latest", .descending).limit(200).all()
            .map { HouseholdID(rawValue: try $0.decode(column: "household_id", as: String.self)) }
    }

    /// The household of a request (an id only).
    public static func household(ofRequest id: String, on db: any SQLDatabase) async throws -> HouseholdID? {
        try await db.select().column("household_id").from("information_requests").where("id", .equal, SQLBind(id))
            .first().map { HouseholdID(rawValue: try $0.decode(column: "household_id", as: String.self)) }
    }

    /// Records a home visit; needs an `update` or `decide` grant.
    public static func recordVisit(
        _ visit: HomeVisit, grant: AccessGrant, at moment: Date = Date(),
        on db: any SQLDatabase
    ) async throws {
        try await db.insert(into: "home_visits")
            .columns(
                "id", "household_id", "visited_on", "visitors", "role_division", "reason", "outcome", "let_in",
                "recorded_by", "recorded_at"
            )
            .values(
                SQLBind(TimeOrderedID.make()), SQLBind(grant.context.household.rawValue),
                SQLBind(visit.visitedOn.iso), SQLBind(visit.visitors), SQLBind(visit.roleDivision),
                SQLBind(visit.reason), SQLBind(visit.outcome), SQLBind(visit.letIn),
                SQLBind(grant.actor.user.rawValue), SQLBind(moment.millis)
            )
            .run()
        try await TimelineStore.append(
            "home_visit.recorded",
            summary: "Huisbezoek op \(visit.visitedOn.dutch) (\(visit.letIn ? "binnengelaten" : "niet binnengelaten"))",
            by: grant, at: moment, on: db)
    }

    private struct VisitRow: Decodable {
        let visitedOn: String, visitors: String, roleDivision: String, reason: String, outcome: String, letIn: Bool
    }

    public static func visits(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> [HomeVisit] {
        try await db.select().columns("visited_on", "visitors", "role_division", "reason", "outcome", "let_in")
            .from("home_visits").where("household_id", .equal, SQLBind(grant.context.household.rawValue))
            .orderBy("visited_on").all(decoding: VisitRow.self, keyDecodingStrategy: .snakeCase)
            .map {
                HomeVisit(
                    visitedOn: Day($0.visitedOn) ?? Day(Date()), visitors: $0.visitors,
                    roleDivision: $0.roleDivision, reason: $0.reason, outcome: $0.outcome, letIn: $0.letIn)
            }
    }

    /// Records the coordination decision; `open_case` starts the case's phase. Needs a `decide` grant.
    public static func decide(
        _ decision: CoordinationDecision, grant: AccessGrant, at moment: Date = Date(),
        on db: any SQLDatabase
    ) async throws {
        precondition(grant.action == .decide, "A coordination decision needs a decide grant")
        try await TimelineStore.append(
            decision.outcome.eventKind, summary: "Coördinatiebesluit: \(decision.outcome.rawValue)",
            recording: decision, by: grant, at: moment, on: db)
    }

    /// The coordination decision in `events`, if one was taken.
    public static func coordination(in events: [TimelineEvent]) -> (at: Date, decision: CoordinationDecision)? {
        for event in events where event.kind == "case.opened" || event.kind == "coordination.referred" {
            if let json = event.after,
                let decision = try? JSONDecoder().decode(CoordinationDecision.self, from: Data(json.utf8))
            {
                return (event.occurredAt, decision)
            }
        }
        return nil
    }
}
