import Foundation
import RegieCore
import SQLKit

/// The register of policy signals (issue 7): raised from a case, from a structural escalation decision or in the
/// register itself, and answered by the municipality. Answers are added, never rewritten; the latest counts.
public enum PolicySignalStore {
    /// What a new signal says; `household` links it to the case it came from.
    public struct New: Sendable {
        public let category: PolicySignal.Category
        public let description: String
        public let source: PolicySignal.Source
        public let sourceID: String
        public let household: HouseholdID?

        public init(
            category: PolicySignal.Category, description: String, source: PolicySignal.Source, sourceID: String = "",
            household: HouseholdID? = nil
        ) {
            self.category = category
            self.description = description
            self.source = source
            self.sourceID = sourceID
            self.household = household
        }
    }

    /// Adds a signal to `network`'s register; returns its id.
    @discardableResult
    public static func raise(
        _ signal: New, in network: NetworkID, by user: UserID, at moment: Date = Date(), on db: any SQLDatabase
    ) async throws -> String {
        let id = TimeOrderedID.make()
        try await db.insert(into: "policy_signals")
            .columns(
                "id", "network_id", "category", "source", "source_id", "household_id", "description", "raised_by",
                "raised_at"
            )
            .values(
                SQLBind(id), SQLBind(network.rawValue), SQLBind(signal.category.rawValue),
                SQLBind(signal.source.rawValue), SQLBind(signal.sourceID), SQLBind(signal.household?.rawValue),
                SQLBind(signal.description.trimmed), SQLBind(user.rawValue), SQLBind(moment.millis)
            )
            .run()
        return id
    }

    /// Records the municipality's answer to a signal of one of `networks`; `notFound` for any other signal.
    public static func respond(
        _ signal: String, in networks: [NetworkID], answer: PolicySignal.Answer, note: String, on day: Day,
        by user: UserID, at moment: Date = Date(), on db: any SQLDatabase
    ) async throws {
        let known = try await db.select().column("id").from("policy_signals").where("id", .equal, SQLBind(signal))
            .where("network_id", .in, SQLGroupExpression(networks.map { SQLBind($0.rawValue) })).first()
        guard known != nil else { throw StoreError.notFound("policy_signal") }
        try await db.insert(into: "policy_signal_responses")
            .columns("id", "signal_id", "answer", "note", "answered_on", "recorded_by", "recorded_at")
            .values(
                SQLBind(TimeOrderedID.make()), SQLBind(signal), SQLBind(answer.rawValue),
                SQLBind(note.trimmed), SQLBind(day.iso), SQLBind(user.rawValue), SQLBind(moment.millis)
            )
            .run()
    }

    private struct Row: Decodable {
        let id: String, networkId: String, category: String, source: String, householdId: String?
        let description: String, raiserName: String, raisedAt: Int64
    }

    private struct ResponseRow: Decodable {
        let signalId: String, answer: String, note: String, answeredOn: String, responderName: String
    }

    /// Every signal of `networks` with its latest answer, in the order raised.
    public static func signals(in networks: [NetworkID], on db: any SQLDatabase) async throws -> [PolicySignal] {
        guard !networks.isEmpty else { return [] }
        let rows = try await db.select()
            .columns(
                SQLColumn("id", table: "policy_signals"), SQLColumn("network_id", table: "policy_signals"),
                SQLColumn("category", table: "policy_signals"), SQLColumn("source", table: "policy_signals"),
                SQLColumn("household_id", table: "policy_signals"), SQLColumn("description", table: "policy_signals"),
                SQLAlias(SQLColumn("name", table: "users"), as: SQLIdentifier("raiser_name")),
                SQLColumn("raised_at", table: "policy_signals")
            )
            .from("policy_signals")
            .join("users", on: SQLColumn("id", table: "users"), .equal, SQLColumn("raised_by", table: "policy_signals"))
            .where(
                SQLColumn("network_id", table: "policy_signals"), .in,
                SQLGroupExpression(networks.map { SQLBind($0.rawValue) })
            )
            .orderBy(SQLColumn("raised_at", table: "policy_signals"))
            .all(decoding: Row.self, keyDecodingStrategy: .snakeCase)
        guard !rows.isEmpty else { return [] }
        let responses = try await db.select()
            .columns(
                SQLColumn("signal_id", table: "policy_signal_responses"),
                SQLColumn("answer", table: "policy_signal_responses"),
                SQLColumn("note", table: "policy_signal_responses"),
                SQLColumn("answered_on", table: "policy_signal_responses"),
                SQLAlias(SQLColumn("name", table: "users"), as: SQLIdentifier("responder_name"))
            )
            .from("policy_signal_responses")
            .join(
                "users", on: SQLColumn("id", table: "users"), .equal,
                SQLColumn("recorded_by", table: "policy_signal_responses")
            )
            .join(
                "policy_signals", on: SQLColumn("id", table: "policy_signals"), .equal,
                SQLColumn("signal_id", table: "policy_signal_responses")
            )
            .where(
                SQLColumn("network_id", table: "policy_signals"), .in,
                SQLGroupExpression(networks.map { SQLBind($0.rawValue) })
            )
            .orderBy(SQLColumn("recorded_at", table: "policy_signal_responses"))
            .all(decoding: ResponseRow.self, keyDecodingStrategy: .snakeCase)
        var latest: [String: PolicySignal.Response] = [:]
        for row in responses {
            guard let answer = PolicySignal.Answer(rawValue: row.answer), let day = Day(row.answeredOn) else {
                continue
            }
            latest[row.signalId] = .init(answer: answer, note: row.note, on: day, byName: row.responderName)
        }
        return rows.map { row in
            PolicySignal(
                id: row.id, network: NetworkID(rawValue: row.networkId),
                category: PolicySignal.Category(rawValue: row.category) ?? .other,
                source: PolicySignal.Source(rawValue: row.source) ?? .register,
                household: row.householdId.map(HouseholdID.init(rawValue:)), description: row.description,
                raisedByName: row.raiserName, raisedOn: Day(Date(millis: row.raisedAt)), response: latest[row.id])
        }
    }
}
