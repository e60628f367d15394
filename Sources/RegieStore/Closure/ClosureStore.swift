import Foundation
import RegieCore
import SQLKit

/// Closing a case (step 9) and opening it again: a closure records the coded reason and the safety check,
/// ends the directors' appointments (their caseload drops), closes the plan, ends the open commitments
/// (`ClosureEndsCommitments`; opening again leaves them ended), and moves the household into aftercare — or
/// straight to closed when there is nobody to follow up (deceased, moved away).
public enum ClosureStore {
    /// A recorded closure.
    public struct Closure: Sendable {
        public let id: String
        public let household: HouseholdID
        public let network: NetworkID
        public let request: ClosureRequest
        public let lastDirector: UserID?
        public let closedBy: String
    }

    /// Closes the grant's household. Needs a `decide` grant on an open case; the request's rules must hold.
    @discardableResult
    public static func close(
        _ request: ClosureRequest, grant: AccessGrant, at moment: Date = Date(), on db: any SQLDatabase
    ) async throws -> String {
        precondition(grant.action == .decide, "Closing is a process decision")
        guard grant.context.phase == .active else { throw StoreError.refused("error.case_not_open") }
        let household = grant.context.household.rawValue
        let id = TimeOrderedID.make()
        let director = try await DirectorStore.history(grant, on: db).current(.caseDirection)?.user
        try await db.insert(into: "closures")
            .columns(
                "id", "household_id", "network_id", "reason", "closed_on", "safety", "safety_note", "regular_director",
                "destination", "stays_in_view", "note", "last_director_id", "closed_by", "closed_at"
            )
            .values(
                SQLBind(id), SQLBind(household), SQLBind(grant.context.network.rawValue),
                SQLBind(request.reason.rawValue), SQLBind(request.closedOn.iso),
                SQLBind(request.safety?.rawValue ?? ClosureRequest.SafetyCheck.safe.rawValue),
                SQLBind(request.safetyNote.trimmed), SQLBind(request.regularDirector.trimmed),
                SQLBind(request.destination.trimmed), SQLBind(request.staysInView.trimmed),
                SQLBind(request.note.trimmed),
                SQLBind(director?.rawValue), SQLBind(grant.actor.user.rawValue), SQLBind(moment.millis)
            )
            .run()
        try await db.update("case_directors").set("ended_on", to: SQLBind(request.closedOn.iso))
            .where("household_id", .equal, SQLBind(household)).where("ended_on", .is, SQLLiteral.null).run()
        try await db.update("plans").set("closed_at", to: SQLBind(moment.millis))
            .where("household_id", .equal, SQLBind(household)).where("closed_at", .is, SQLLiteral.null).run()
        try await TimelineStore.append(
            "case.closed", summary: "Casus afgesloten per \(request.closedOn.dutch)",
            recording: ["closure": id, "reason": request.reason.rawValue], by: grant, at: moment, on: db)
        try await CommitmentStore.endOpen(closing: grant, at: moment, on: db)
        if request.reason == .deceased || request.reason == .moved {
            try await TimelineStore.append(
                "aftercare.ended", summary: "Geen nazorg: het huishouden is hier niet meer te volgen", by: grant,
                at: moment, on: db)
        }
        return id
    }

    /// Opens a case in aftercare (or closed) again on the same timeline. Needs a `decide` or `update` grant
    /// (a partner's "dropped out" answer reopens too).
    public static func reopen(reason: String, grant: AccessGrant, at moment: Date = Date(), on db: any SQLDatabase)
        async throws
    {
        guard grant.context.phase == .aftercare || grant.context.phase == .closed else {
            throw StoreError.refused("error.case_not_closed")
        }
        try await TimelineStore.append(
            "case.reopened", summary: "Casus heropend: \(reason.trimmed)", by: grant, at: moment, on: db)
    }

    /// Records that, instead of closing, the network stays present in the background (stut- en steunfunctie).
    public static func backgroundPresence(
        note: String, grant: AccessGrant, at moment: Date = Date(), on db: any SQLDatabase
    ) async throws {
        precondition(grant.action == .decide, "Choosing background presence is a process decision")
        guard grant.context.phase == .active else { throw StoreError.refused("error.case_not_open") }
        try await TimelineStore.append(
            "case.background_presence", summary: "Stut- en steunfunctie in plaats van afsluiten: \(note.trimmed)",
            by: grant, at: moment, on: db)
    }

    /// The closure a new signal relapses from: the household was closed (in aftercare or closed, not
    /// reopened) when the signal came in, within `RelapseRule.window`. Call right after recording the signal.
    public static func relapse(of household: HouseholdID, signalledOn day: Day, on db: any SQLDatabase) async throws
        -> Closure?
    {
        guard let closure = try await latest(of: household, on: db) else { return nil }
        var kinds = try await TimelineStore.eventKinds(of: household, on: db)
        if kinds.last == "signal.received" { kinds.removeLast() }
        let before = CasePhase.derive(fromEventKinds: kinds)
        guard before == .aftercare || before == .closed,
            RelapseRule.isRelapse(closedOn: closure.request.closedOn, signalled: day)
        else { return nil }
        return closure
    }

    private struct Row: Decodable {
        let id: String, householdId: String, networkId: String, reason: String, closedOn: String, safety: String
        let safetyNote: String, regularDirector: String, destination: String, staysInView: String, note: String
        let lastDirectorId: String?, closedByName: String
    }

    /// The household's latest closure, if it was ever closed.
    public static func latest(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> Closure? {
        try await latest(of: grant.context.household, on: db)
    }

    /// The latest closure of `household` — process facts for the relapse check and the aftercare timer, which
    /// run without a user.
    public static func latest(of household: HouseholdID, on db: any SQLDatabase) async throws -> Closure? {
        try await closures(
            where: SQLBinaryExpression(
                SQLColumn("household_id", table: "closures"), .equal, SQLBind(household.rawValue)), on: db
        ).last
    }

    /// The id and day of the latest closure of every household of `network` that was closed at least once — what
    /// the norm watch's aftercare checks need, without reading every closure in full.
    public static func latestDays(in network: NetworkID, on db: any SQLDatabase) async throws
        -> [(id: String, household: HouseholdID, closedOn: Day)]
    {
        try await latestDays(
            where: SQLBinaryExpression(SQLColumn("network_id"), .equal, SQLBind(network.rawValue)), on: db)
    }

    /// The id and day of the latest closure of each of `households` — all the worklist's aftercare checks need, for
    /// households it already knows are in aftercare, without reading every closure of the network in full.
    public static func latestDays(of households: [HouseholdID], on db: any SQLDatabase) async throws
        -> [(id: String, household: HouseholdID, closedOn: Day)]
    {
        guard !households.isEmpty else { return [] }
        return try await latestDays(
            where: SQLBinaryExpression(
                SQLColumn("household_id"), .in, SQLGroupExpression(households.map { SQLBind($0.rawValue) })),
            on: db)
    }

    private static func latestDays(where condition: any SQLExpression, on db: any SQLDatabase) async throws
        -> [(id: String, household: HouseholdID, closedOn: Day)]
    {
        var latest: [HouseholdID: (id: String, household: HouseholdID, closedOn: Day)] = [:]
        for row in try await db.select().column("id").column("household_id").column("closed_on").from("closures")
            .where(condition).orderBy("closed_at").all()
        {
            let household = HouseholdID(rawValue: try row.decode(column: "household_id", as: String.self))
            guard let day = Day(try row.decode(column: "closed_on", as: String.self)) else { continue }
            latest[household] = (try row.decode(column: "id", as: String.self), household, day)
        }
        return Array(latest.values)
    }

    private static func closures(where condition: any SQLExpression, on db: any SQLDatabase) async throws -> [Closure] {
        try await db.select()
            .columns(
                SQLColumn("id", table: "closures"), SQLColumn("household_id", table: "closures"),
                SQLColumn("network_id", table: "closures"), SQLColumn("reason", table: "closures"),
                SQLColumn("closed_on", table: "closures"), SQLColumn("safety", table: "closures"),
                SQLColumn("safety_note", table: "closures"), SQLColumn("regular_director", table: "closures"),
                SQLColumn("destination", table: "closures"), SQLColumn("stays_in_view", table: "closures"),
                SQLColumn("note", table: "closures"), SQLColumn("last_director_id", table: "closures"),
                SQLAlias(SQLColumn("name", table: "users"), as: SQLIdentifier("closed_by_name"))
            )
            .from("closures")
            .join(
                SQLIdentifier("users"), on: SQLColumn("id", table: "users"), .equal,
                SQLColumn("closed_by", table: "closures")
            )
            .where(condition).orderBy(SQLColumn("closed_at", table: "closures"))
            .all(decoding: Row.self, keyDecodingStrategy: .snakeCase)
            .compactMap { row in
                guard let reason = ClosureReason(rawValue: row.reason), let day = Day(row.closedOn) else { return nil }
                return Closure(
                    id: row.id, household: HouseholdID(rawValue: row.householdId),
                    network: NetworkID(rawValue: row.networkId),
                    request: ClosureRequest(
                        reason: reason, closedOn: day, safety: ClosureRequest.SafetyCheck(rawValue: row.safety),
                        safetyNote: row.safetyNote, regularDirector: row.regularDirector, destination: row.destination,
                        staysInView: row.staysInView, note: row.note),
                    lastDirector: row.lastDirectorId.map(UserID.init(rawValue:)), closedBy: row.closedByName)
            }
    }
}
