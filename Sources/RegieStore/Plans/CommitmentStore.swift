import Foundation
import RegieCore
import SQLKit

/// Partner commitments (the closed loop of step 5): proposed by the plan or a meeting's work agreements,
/// answered by the owning partner (accept, decline with a reason, done with a note). Answers are history.
public enum CommitmentStore {
    /// A commitment as the case and the partner's inbox show it.
    public struct Item: Sendable {
        public let id: String
        public let description: String
        public let organisation: OrganisationID
        public let organisationName: String
        public let person: UserID?
        public let personName: String
        public let dueOn: Day?
        public let goalKey: String?
        public let after: String?
        public let meeting: String?
        public let status: Commitment.Status
        /// The latest answer's reason or note.
        public let note: String
        /// When the commitment was asked for.
        public let createdAt: Date
        public var createdOn: Day { Day(createdAt) }
    }

    /// Records a commitment for `owner` (who joins the care team to see what they committed to). Needs an
    /// `update` grant.
    @discardableResult
    public static func propose(
        _ commitment: Commitment, meeting: String? = nil, grant: AccessGrant, at moment: Date = Date(),
        on db: any SQLDatabase
    ) async throws -> String {
        precondition(grant.action == .update || grant.action == .decide, "A commitment changes the file")
        let id = TimeOrderedID.make()
        try await db.insert(into: "commitments")
            .columns(
                "id", "household_id", "network_id", "goal_key", "meeting_id", "organisation_id", "user_id",
                "description", "due_on", "after_id", "status", "created_by", "created_at"
            )
            .values(
                SQLBind(id), SQLBind(grant.context.household.rawValue), SQLBind(grant.context.network.rawValue),
                SQLBind(commitment.goalKey), SQLBind(meeting), SQLBind(commitment.organisation.rawValue),
                SQLBind(commitment.person?.rawValue),
                SQLBind(commitment.description.trimmingCharacters(in: .whitespacesAndNewlines)),
                SQLBind(commitment.dueOn?.iso), SQLBind(commitment.after),
                SQLBind(Commitment.Status.proposed.rawValue), SQLBind(grant.actor.user.rawValue),
                SQLBind(moment.millis)
            )
            .run()
        if let person = commitment.person {
            try await HouseholdStore.addToCareTeam(
                person, household: grant.context.household, source: "commitment", on: db)
        }
        try await TimelineStore.append(
            "commitment.proposed", summary: "Afspraak gevraagd, uiterlijk \(commitment.dueOn?.dutch ?? "—")",
            recording: ["commitment": id], by: grant, at: moment, on: db)
        return id
    }

    private struct Row: Decodable {
        let id: String, description: String, organisationId: String, organisationName: String, userId: String?
        let personName: String?, dueOn: String?, goalKey: String?, afterId: String?, meetingId: String?
        let status: String, createdAt: Int64
    }

    /// The household's commitments, oldest first, each with its latest note.
    public static func items(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> [Item] {
        let rows = try await itemsStatement.fetch([grant.context.household.rawValue], on: db)
            .all(decoding: Row.self, keyDecodingStrategy: .snakeCase)
        let notes = try await latestNotes(household: grant.context.household, on: db)
        return rows.map { row in
            Item(
                id: row.id, description: row.description, organisation: OrganisationID(rawValue: row.organisationId),
                organisationName: row.organisationName, person: row.userId.map(UserID.init(rawValue:)),
                personName: row.personName ?? "", dueOn: row.dueOn.flatMap(Day.init), goalKey: row.goalKey,
                after: row.afterId, meeting: row.meetingId,
                status: Commitment.Status(rawValue: row.status) ?? .proposed, note: notes[row.id] ?? "",
                createdAt: Date(millis: row.createdAt))
        }
    }

    private static func latestNotes(household: HouseholdID, on db: any SQLDatabase) async throws -> [String: String] {
        let rows = try await notesStatement.fetch([household.rawValue], on: db)
            .all()
        var notes: [String: String] = [:]
        for row in rows {
            notes[try row.decode(column: "commitment_id", as: String.self)] = try row.decode(
                column: "note", as: String.self)
        }
        return notes
    }

    /// Name the statements below on PostgreSQL, where they run prepared (`KeptStatement`): every case page reads
    /// them, and PostgreSQL spent more than ten times as long planning them afresh as running them.
    enum ItemsStatement {}
    enum NotesStatement {}

    /// A household's commitments with the names of their organisations and people, oldest first.
    private static let itemsStatement = KeptStatement<ItemsStatement> { db, parameters in
        db.select()
            .column(SQLColumn("id", table: "commitments")).column(SQLColumn("description", table: "commitments"))
            .column(SQLColumn("organisation_id", table: "commitments"))
            .column(SQLAlias(SQLColumn("name", table: "organisations"), as: SQLIdentifier("organisation_name")))
            .column(SQLColumn("user_id", table: "commitments"))
            .column(SQLAlias(SQLColumn("name", table: "users"), as: SQLIdentifier("person_name")))
            .column(SQLColumn("due_on", table: "commitments")).column(SQLColumn("goal_key", table: "commitments"))
            .column(SQLColumn("after_id", table: "commitments")).column(SQLColumn("meeting_id", table: "commitments"))
            .column(SQLColumn("status", table: "commitments")).column(SQLColumn("created_at", table: "commitments"))
            .from("commitments")
            .join(
                SQLIdentifier("organisations"), on: SQLColumn("id", table: "organisations"), .equal,
                SQLColumn("organisation_id", table: "commitments")
            )
            .join(
                SQLIdentifier("users"), method: SQLJoinMethod.left, on: SQLColumn("id", table: "users"), .equal,
                SQLColumn("user_id", table: "commitments")
            )
            .where(SQLColumn("household_id", table: "commitments"), .equal, SQLBind(parameters[0]))
            .orderBy(SQLColumn("created_at", table: "commitments")).query
    }

    /// The answers to a household's commitments, oldest first.
    private static let notesStatement = KeptStatement<NotesStatement> { db, parameters in
        db.select()
            .column(SQLColumn("commitment_id", table: "commitment_responses"))
            .column(SQLColumn("note", table: "commitment_responses"))
            .from("commitment_responses")
            .join(
                SQLIdentifier("commitments"), on: SQLColumn("id", table: "commitments"), .equal,
                SQLColumn("commitment_id", table: "commitment_responses")
            )
            .where(SQLColumn("household_id", table: "commitments"), .equal, SQLBind(parameters[0]))
            .orderBy(SQLColumn("responded_at", table: "commitment_responses")).query
    }

    /// A partner's answer to its own commitment. Only the owner or a colleague of the owning organisation may
    /// answer; the rules of `Commitment.problem` apply. Needs an `update` grant.
    public static func respond(
        _ id: String, _ response: Commitment.Response, note: String, grant: AccessGrant, at moment: Date = Date(),
        on db: any SQLDatabase
    ) async throws {
        guard let item = try await items(grant, on: db).first(where: { $0.id == id }),
            item.organisation == grant.actor.organisation || item.person == grant.actor.user
        else { throw StoreError.notFound("commitment") }
        if let problem = Commitment.problem(responding: response, from: item.status, note: note) {
            throw StoreError.refused(problem)
        }
        let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
        try await db.insert(into: "commitment_responses")
            .columns("id", "commitment_id", "response", "note", "user_id", "responded_at")
            .values(
                SQLBind(TimeOrderedID.make()), SQLBind(id), SQLBind(response.rawValue), SQLBind(text),
                SQLBind(grant.actor.user.rawValue), SQLBind(moment.millis)
            )
            .run()
        try await db.update("commitments").set("status", to: SQLBind(response.status.rawValue))
            .where("id", .equal, SQLBind(id)).run()
        try await TimelineStore.append(
            "commitment.\(response.status.rawValue)",
            summary: "\(item.organisationName): afspraak \(response.status.rawValue)",
            recording: ["commitment": id], by: grant, at: moment, on: db)
    }

    /// The open statuses as binds, for a statement's `IN`.
    private static var openStatuses: [SQLBind] {
        Commitment.Status.allCases.filter(\.isOpen).map { SQLBind($0.rawValue) }
    }

    /// Ends the household's open commitments as its case closes (`ClosureEndsCommitments`), in the closure's
    /// transaction, and puts that on the timeline. Returns the ended commitments' ids.
    @discardableResult
    static func endOpen(closing grant: AccessGrant, at moment: Date, on db: any SQLDatabase) async throws -> [String] {
        let ended = try await db.update("commitments")
            .set("status", to: SQLBind(Commitment.Status.ended.rawValue))
            .where("household_id", .equal, SQLBind(grant.context.household.rawValue))
            .where("status", .in, SQLGroupExpression(ClosureEndsCommitments.ending.map { SQLBind($0.rawValue) }))
            .returning("id").all()
            .map { try $0.decode(column: "id", as: String.self) }.sorted()
        guard !ended.isEmpty else { return [] }
        try await TimelineStore.append(
            "commitments.ended", summary: ClosureEndsCommitments.summary(ended: ended.count),
            recording: ["commitments": ended], by: grant, at: moment, on: db)
        return ended
    }

    /// Households in `network` where `user` owns a commitment that is still open (proposed or accepted).
    public static func households(withOpenCommitmentsOf user: UserID, in network: NetworkID, on db: any SQLDatabase)
        async throws -> [HouseholdID]
    {
        try await db.select().column("household_id").from("commitments")
            .where("user_id", .equal, SQLBind(user.rawValue)).where("network_id", .equal, SQLBind(network.rawValue))
            .where("status", .in, SQLGroupExpression(openStatuses))
            .groupBy("household_id").all()
            .map { HouseholdID(rawValue: try $0.decode(column: "household_id", as: String.self)) }
    }
}

extension CommitmentStore {
    /// The household of a commitment (an id only), for routes that start from a commitment id.
    public static func household(ofCommitment id: String, on db: any SQLDatabase) async throws -> HouseholdID? {
        try await db.select().column("household_id").from("commitments").where("id", .equal, SQLBind(id)).first()
            .map { HouseholdID(rawValue: try $0.decode(column: "household_id", as: String.self)) }
    }
}
