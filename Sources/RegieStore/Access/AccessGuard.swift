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
    /// The log entry is written in its own transaction, so a refusal stays logged even though the
    /// refused action never happens.
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
        try await database.write { db in try await AccessLogStore.append(entry, on: db) }
        guard decision.allowed else { throw AccessDenied(rule: decision.rule) }
        return AccessGrant(actor: actor, action: action, context: context, decision: decision)
    }

    /// Decides and logs bringing in a signal that starts a new household: the policy sees a household
    /// in intake in `network` that nobody else is involved in yet.
    public static func authorizeNewHousehold(
        _ actor: AccessActor, network: NetworkID, household: HouseholdID, requestID: String?, database: RegieDatabase
    ) async throws {
        let context = HouseholdAccessContext(household: household, network: network, phase: .intake)
        let decision = AccessPolicy.decide(actor: actor, action: .createSignal, context: context)
        let entry = AccessLogEntry(
            actor: actor, household: household, network: network, action: .createSignal, decision: decision,
            breakGlassReason: nil, requestID: requestID)
        try await database.write { db in try await AccessLogStore.append(entry, on: db) }
        guard decision.allowed else { throw AccessDenied(rule: decision.rule) }
    }
}
