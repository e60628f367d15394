import Foundation
import RegieCore
import SQLKit

/// Proof that the access policy allowed one action on one household and that the access was logged.
///
/// Only `AccessGuard` can make one, and store functions that return household data demand one, so no
/// route can read household data without the policy deciding and the log recording it.
public struct AccessGrant: Sendable {
    public let actor: AccessActor
    public let action: AccessAction
    public let context: HouseholdAccessContext
    public let decision: AccessDecision

    fileprivate init(
        actor: AccessActor, action: AccessAction, context: HouseholdAccessContext,
        decision: AccessDecision
    ) {
        self.actor = actor
        self.action = action
        self.context = context
        self.decision = decision
    }
}

/// Refusal of an access; the refusal itself is in the access log.
public struct AccessDenied: Error, Sendable, Equatable {
    public let rule: AccessRule

    public init(rule: AccessRule) { self.rule = rule }
}

/// Runs the central access policy for a household and writes its decision to the NEN 7513 log.
public enum AccessGuard {
    /// Decides, logs, and returns a grant — or throws `AccessDenied` (logged as well) or `StoreError.notFound`.
    ///
    /// The log entry is written in its own transaction (shared with other requests' entries), so a refusal stays
    /// logged even though the refused action never happens.
    public static func authorize(
        _ actor: AccessActor, _ action: AccessAction, household: HouseholdID, breakGlassReason: String? = nil,
        requestID: String?, database: RegieDatabase
    ) async throws -> AccessGrant {
        guard let context = try await HouseholdStore.accessContext(household, on: database.sql) else {
            throw StoreError.notFound("household")
        }
        return try await log(actor, action, context: context, breakGlassReason: breakGlassReason, requestID, database)
    }

    /// Grants the first of `actions` the policy allows — a page that shows as much as the user may see asks for
    /// the most first — and logs only that one; when none is allowed, logs and throws the refusal of the first.
    public static func authorize(
        _ actor: AccessActor, firstOf actions: [AccessAction], household: HouseholdID, requestID: String?,
        database: RegieDatabase
    ) async throws -> AccessGrant {
        guard let context = try await HouseholdStore.accessContext(household, on: database.sql) else {
            throw StoreError.notFound("household")
        }
        return try await authorize(actor, firstOf: actions, context: context, requestID: requestID, database: database)
    }

    /// Like `authorize(_:firstOf:household:requestID:database:)` on a context the caller read at the household's
    /// current fact version — kept by an app server while the version stands, as the lists keep theirs. Every
    /// change to what a context holds raises the version, so a context kept at the version read is the one the
    /// database would give.
    public static func authorize(
        _ actor: AccessActor, firstOf actions: [AccessAction], context: HouseholdAccessContext, requestID: String?,
        database: RegieDatabase
    ) async throws -> AccessGrant {
        let action =
            actions.first { AccessPolicy.decide(actor: actor, action: $0, context: context).allowed } ?? actions[0]
        return try await log(actor, action, context: context, breakGlassReason: nil, requestID, database)
    }

    private static func log(
        _ actor: AccessActor, _ action: AccessAction, context: HouseholdAccessContext, breakGlassReason: String?,
        _ requestID: String?, _ database: RegieDatabase
    ) async throws -> AccessGrant {
        let household = context.household
        let decision = AccessPolicy.decide(
            actor: actor, action: action, context: context, breakGlassReason: breakGlassReason)
        let entry = AccessLogEntry(
            actor: actor, household: household, network: context.network, action: action, decision: decision,
            breakGlassReason: breakGlassReason, requestID: requestID)
        try await AccessLogStore.append([entry], to: database)
        guard decision.allowed else { throw AccessDenied(rule: decision.rule) }
        return AccessGrant(actor: actor, action: action, context: context, decision: decision)
    }

    /// Decides `action` on many households at once, for a list page: the policy's decision per household, from
    /// access contexts the caller read (for instance through a fact-version cache). Only the allowed come back;
    /// a household the user may not see is left out of a list rather than refused. Nothing is logged yet: the
    /// page logs, with `record`, the households it shows — one write for the whole list.
    public static func decide(_ actor: AccessActor, _ action: AccessAction, contexts: [HouseholdAccessContext])
        -> [AccessGrant]
    {
        contexts.compactMap { context in
            let decision = AccessPolicy.decide(actor: actor, action: action, context: context)
            guard decision.allowed else { return nil }
            return AccessGrant(actor: actor, action: action, context: context, decision: decision)
        }
    }

    /// Logs the access of a list page to the households it shows, in one transaction (shared with other requests'):
    /// one moment for the whole list, which the log stores as one entry naming the list's households.
    public static func record(_ grants: [AccessGrant], requestID: String?, database: RegieDatabase) async throws {
        try await record(AccessLogList(grants), requestID: requestID, database: database)
    }

    /// Logs a list grouped beforehand — kept with a cached list, so an unchanged list is not grouped on every view.
    public static func record(_ list: AccessLogList, requestID: String?, database: RegieDatabase) async throws {
        guard !list.isEmpty else { return }
        try await database.groupCommit.submit(
            [AccessLogSets(list: list, at: Date(), requestID: requestID)], to: database)
    }

    /// Decides bringing in a signal and, when allowed, runs `recording` in the same transaction as the log entry: one
    /// write per intake instead of two, and never a logged intake without its signal or the reverse. `recording`
    /// says which household the signal landed in — `household`, or the household of a known person it was about —
    /// and the entry names that one, so the signal is in that household's log. May the actor signal at all is
    /// decided by the network, not the household, so deciding before the household is known decides the same. A
    /// refusal is logged on its own and thrown. The transaction may be shared with other intakes
    /// (`RegieDatabase.groupedWrite`), so `recording` may run twice and must change only the database.
    public static func authorizeNewHousehold<T: Sendable>(
        _ actor: AccessActor, network: NetworkID, household: HouseholdID, requestID: String?, database: RegieDatabase,
        recording: @escaping @Sendable (any SQLDatabase) async throws -> (value: T, household: HouseholdID)
    ) async throws -> T {
        let decision = try await decideNewHousehold(actor, network, household, requestID, database)
        // Grouped: a partner system posting many signals at once shares commits instead of queueing for them.
        return try await database.groupedWrite { db in
            let recorded = try await recording(db)
            try await AccessLogStore.append(
                intakeEntry(actor, recorded.household, network, decision, requestID), on: db)
            return recorded.value
        }
    }

    /// Like `authorizeNewHousehold(_:network:household:requestID:database:recording:)` for an intake whose records
    /// are all new (`NewRecords`, drawn by `draw`): they go in with those of the intakes arriving meanwhile, one
    /// statement per table for all of them, and the log entry with them. `draw` may be called more than once.
    public static func authorizeNewHousehold<T: Sendable>(
        _ actor: AccessActor, network: NetworkID, household: HouseholdID, requestID: String?, database: RegieDatabase,
        records draw: @escaping @Sendable () throws -> (NewRecords, T)
    ) async throws -> T {
        let decision = try await decideNewHousehold(actor, network, household, requestID, database)
        return try await database.groupCommit.submit(
            [AccessLogSets([intakeEntry(actor, household, network, decision, requestID)])], records: draw,
            to: database)
    }

    /// The decision on an intake that allows it; a refusal is logged on its own and thrown.
    private static func decideNewHousehold(
        _ actor: AccessActor, _ network: NetworkID, _ household: HouseholdID, _ requestID: String?,
        _ database: RegieDatabase
    ) async throws -> AccessDecision {
        let context = HouseholdAccessContext(household: household, network: network, phase: .intake)
        let decision = AccessPolicy.decide(actor: actor, action: .createSignal, context: context)
        guard decision.allowed else {
            try await AccessLogStore.append([intakeEntry(actor, household, network, decision, requestID)], to: database)
            throw AccessDenied(rule: decision.rule)
        }
        return decision
    }

    /// The log entry of an intake's decision about `household`.
    private static func intakeEntry(
        _ actor: AccessActor, _ household: HouseholdID, _ network: NetworkID, _ decision: AccessDecision,
        _ requestID: String?
    ) -> AccessLogEntry {
        AccessLogEntry(
            actor: actor, household: household, network: network, action: .createSignal, decision: decision,
            breakGlassReason: nil, requestID: requestID)
    }
}
