import Foundation
import RegieCore
import SQLKit

/// Retention (AVG art. 5(1)(e)): closed households past their network's retention period are anonymised for good —
/// names, dates of birth, BSN, addresses and every free text are blanked — while codes, dates, scores and the
/// structure of the process stay for the anonymous figures. A legal hold keeps a household as it is. What the
/// purge did is written to the admin log.
public enum RetentionStore {
    /// Puts a legal hold on the grant's household (with the reason), or lifts it (`nil`). Needs a `decide` grant.
    public static func setLegalHold(
        _ reason: String?, grant: AccessGrant, at moment: Date = Date(), on db: any SQLDatabase
    )
        async throws
    {
        precondition(grant.action == .decide, "A legal hold is a decision")
        try await db.update("households").set("legal_hold", to: SQLBind(reason?.trimmed))
            .where("id", .equal, SQLBind(grant.context.household.rawValue)).run()
        try await TimelineStore.append(
            reason == nil ? "retention.hold_lifted" : "retention.hold_set",
            summary: reason.map { "Bewaarplicht: niet opschonen (\($0.trimmed))" } ?? "Bewaarplicht opgeheven",
            by: grant, at: moment, on: db)
    }

    /// The legal hold of the grant's household, if any.
    public static func legalHold(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> String? {
        try await db.select().column("legal_hold").from("households")
            .where("id", .equal, SQLBind(grant.context.household.rawValue)).first()?
            .decode(column: "legal_hold", as: String?.self)
    }

    /// Households of `network` due for the purge on `today`: closed, no legal hold, not purged, and nothing on
    /// their timeline for longer than the network's retention period. Process facts only.
    public static func due(in network: Network, today: Day, on db: any SQLDatabase) async throws -> [HouseholdID] {
        let rows = try await db.select().column(SQLColumn("id", table: "households"))
            .column(
                SQLAlias(
                    SQLFunction("MAX", args: SQLColumn("occurred_at", table: "timeline_events")),
                    as: SQLIdentifier("last"))
            )
            .from("households")
            .join(
                SQLIdentifier("timeline_events"), on: SQLColumn("household_id", table: "timeline_events"), .equal,
                SQLColumn("id", table: "households")
            )
            .where(SQLColumn("network_id", table: "households"), .equal, SQLBind(network.id.rawValue))
            .where(SQLColumn("purged_at", table: "households"), .is, SQLLiteral.null)
            .where(SQLColumn("legal_hold", table: "households"), .is, SQLLiteral.null)
            .groupBy(SQLColumn("id", table: "households")).all()
        let rule = RetentionRule(years: network.retentionYears)
        var due: [HouseholdID] = []
        for row in rows {
            let household = HouseholdID(rawValue: try row.decode(column: "id", as: String.self))
            let last = Day(Date(millis: try row.decode(column: "last", as: Int64.self)))
            // Most households were touched within the period: only those that would be due if closed need their
            // phase, which the norm watch otherwise read for every household of every network on every round.
            guard rule.isDue(phase: .closed, lastActivity: last, legalHold: false, today: today) else { continue }
            let phase = CasePhase.derive(fromEventKinds: try await TimelineStore.eventKinds(of: household, on: db))
            if rule.isDue(phase: phase, lastActivity: last, legalHold: false, today: today) { due.append(household) }
        }
        return due
    }

    /// Anonymises one household for good, in the caller's transaction; returns the rows changed per table.
    @discardableResult
    public static func purge(_ household: HouseholdID, at moment: Date = Date(), on db: any SQLDatabase) async throws
        -> [String: Int]
    {
        let id = household.rawValue
        try await db.insert(into: "purge_guard").columns("household_id").values(SQLBind(id)).run()
        var changed: [String: Int] = [:]
        for (table, statement) in statements(id) {
            changed[table, default: 0] += try await db.raw(statement).all().count
        }
        changed["timeline_events"] = try await blankTimeline(household, on: db)
        try await db.delete(from: "purge_guard").where("household_id", .equal, SQLBind(id)).run()
        try await db.update("households").set("purged_at", to: SQLBind(moment.millis))
            .where("id", .equal, SQLBind(id)).run()
        guard
            let network = try await db.select().column("network_id").from("households")
                .where("id", .equal, SQLBind(id)).first()?.decode(column: "network_id", as: String.self)
        else { return changed }
        try await TimelineStore.append(
            TimelineEvent(
                household: household, network: NetworkID(rawValue: network), occurredAt: moment, actor: nil,
                actorOrganisation: nil, kind: "retention.purged",
                summary: "Na de bewaartermijn geanonimiseerd"), on: db)
        let details = changed.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        try await AdminLogStore.append(
            actor: nil, entity: "household", entityID: id, action: "retention_purge",
            details: details.joined(separator: ", "), on: db)
        return changed
    }

    /// Every blanking statement, each returning the ids it changed (so the purge can count them).
    private static func statements(_ id: String) -> [(String, SQLQueryString)] {
        let versions: SQLQueryString =
            "SELECT v.id FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE p.household_id = \(bind: id)"
        return [
            (
                "persons",
                """
                UPDATE persons SET given_name = '', family_name_prefix = '', family_name = '', family_key = '',
                    birth_date = NULL, bsn = NULL, custody = NULL, protection_measure = NULL, placement = NULL
                WHERE id IN (SELECT person_id FROM household_members WHERE household_id = \(bind: id))
                  AND NOT EXISTS (
                    SELECT 1 FROM household_members m JOIN households h ON h.id = m.household_id
                    WHERE m.person_id = persons.id AND m.household_id <> \(bind: id) AND h.purged_at IS NULL)
                RETURNING id
                """
            ),
            (
                "households",
                """
                UPDATE households SET street = '', house_number = '', postcode = '', city = '',
                    lawful_basis_note = '' WHERE id = \(bind: id) RETURNING id
                """
            ),
            (
                "signals",
                """
                UPDATE signals SET description = '', not_informed_reason = '', own_attempt = ''
                WHERE household_id = \(bind: id) RETURNING id
                """
            ),
            (
                "information_answers",
                """
                UPDATE information_answers SET shared = '' WHERE request_id IN
                    (SELECT id FROM information_requests WHERE household_id = \(bind: id)) RETURNING id
                """
            ),
            (
                "home_visits",
                """
                UPDATE home_visits SET visitors = '', role_division = '', reason = '', outcome = ''
                WHERE household_id = \(bind: id) RETURNING id
                """
            ),
            (
                "informal_network",
                "UPDATE informal_network SET name = '', description = '' WHERE household_id = \(bind: id) RETURNING id"
            ),
            ("safety_pictures", "UPDATE safety_pictures SET note = '' WHERE household_id = \(bind: id) RETURNING id"),
            (
                "plan_versions",
                "UPDATE plan_versions SET context = '', agreement_how = '' WHERE id IN (\(versions)) RETURNING id"
            ),
            (
                "plan_goals",
                """
                UPDATE plan_goals SET description = '', household_words = '', persons = '[]'
                WHERE version_id IN (\(versions)) RETURNING id
                """
            ),
            (
                "plan_reasons",
                "UPDATE plan_reasons SET reason = '' WHERE version_id IN (\(versions)) RETURNING version_id"
            ),
            ("commitments", "UPDATE commitments SET description = '' WHERE household_id = \(bind: id) RETURNING id"),
            (
                "commitment_responses",
                """
                UPDATE commitment_responses SET note = '' WHERE commitment_id IN
                    (SELECT id FROM commitments WHERE household_id = \(bind: id)) RETURNING id
                """
            ),
            (
                "meetings",
                "UPDATE meetings SET minutes = '', place = '' WHERE household_id = \(bind: id) RETURNING id"
            ),
            (
                "meeting_participants",
                """
                UPDATE meeting_participants SET name = '' WHERE kind IN ('member', 'informal') AND meeting_id IN
                    (SELECT id FROM meetings WHERE household_id = \(bind: id)) RETURNING id
                """
            ),
            (
                "progress_entries",
                "UPDATE progress_entries SET text = '', with_whom = '' WHERE household_id = \(bind: id) RETURNING id"
            ),
            (
                "goal_evaluations",
                """
                UPDATE goal_evaluations SET household_view = '', note = '' WHERE household_id = \(bind: id)
                RETURNING id
                """
            ),
            (
                "escalations",
                """
                UPDATE escalations SET blocking_rule = '', reason = '', decision = '' WHERE household_id = \(bind: id)
                RETURNING id
                """
            ),
            (
                "coercion_measures",
                "UPDATE coercion_measures SET measure = '', imposed_by = '' WHERE household_id = \(bind: id) RETURNING id"
            ),
            (
                "closures",
                """
                UPDATE closures SET safety_note = '', regular_director = '', destination = '', stays_in_view = '',
                    note = '' WHERE household_id = \(bind: id) RETURNING id
                """
            ),
            (
                "aftercare_answers",
                """
                UPDATE aftercare_answers SET note = '' WHERE closure_id IN
                    (SELECT id FROM closures WHERE household_id = \(bind: id)) RETURNING id
                """
            ),
            ("consents", "UPDATE consents SET giver_name = '' WHERE household_id = \(bind: id) RETURNING id"),
            ("family_levels", "UPDATE family_levels SET reason = '' WHERE household_id = \(bind: id) RETURNING id"),
            (
                "policy_signals",
                "UPDATE policy_signals SET description = '' WHERE household_id = \(bind: id) RETURNING id"
            ),
            (
                "handovers",
                """
                UPDATE handovers SET handover_json = '{"persons":[],"destination":"","summary":"","domains":[]}'
                WHERE from_household_id = \(bind: id) RETURNING id
                """
            ),
        ]
    }

    /// Blanks the timeline's summaries and every free text in its recorded JSON; codes, ids, dates and numbers
    /// stay, so the figures about decisions and outcomes still add up.
    private static func blankTimeline(_ household: HouseholdID, on db: any SQLDatabase) async throws -> Int {
        let rows = try await db.select().columns("id", "after_json").from("timeline_events")
            .where("household_id", .equal, SQLBind(household.rawValue)).all()
        for row in rows {
            let id = try row.decode(column: "id", as: String.self)
            let after = try row.decode(column: "after_json", as: String?.self).map(Self.codesOnly)
            try await db.update("timeline_events").set("summary", to: SQLBind("—"))
                .set("before_json", to: SQLBind(Optional<String>.none)).set("after_json", to: SQLBind(after))
                .where("id", .equal, SQLBind(id)).run()
        }
        return rows.count
    }

    /// The JSON with every string that is not a code (lower-case letters, digits, `_`, `-`, `.`, `:`) blanked.
    static func codesOnly(_ json: String) -> String {
        guard let value = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) else {
            return "{}"
        }
        func strip(_ value: Any) -> Any {
            switch value {
            case let text as String:
                return text.allSatisfy { $0.isLowercase || $0.isNumber || "_-.:".contains($0) } ? text : ""
            case let array as [Any]: return array.map(strip)
            case let object as [String: Any]: return object.mapValues(strip)
            default: return value
            }
        }
        let data = try? JSONSerialization.data(withJSONObject: strip(value), options: [.sortedKeys, .fragmentsAllowed])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
