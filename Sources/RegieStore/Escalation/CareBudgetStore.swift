import Foundation
import RegieCore
import SQLKit

/// The care-purchase budget of a network: yearly amounts set by an administrator and spendings recorded with the
/// escalation decisions that used the budget. Read back as a `CareBudget`, which derives the balance.
public enum CareBudgetStore {
    /// Sets the amount for `year`; the earlier setting stays as history. The caller checks `settingProblem`.
    public static func setAmount(
        _ amount: Euro, year: Int, in network: NetworkID, by user: UserID?, at moment: Date = Date(),
        on db: any SQLDatabase
    ) async throws {
        try await db.insert(into: "care_budget_settings")
            .columns("id", "network_id", "year", "amount_cents", "set_by", "set_at")
            .values(
                SQLBind(TimeOrderedID.make()), SQLBind(network.rawValue), SQLBind(year),
                SQLBind(amount.cents), SQLBind(user?.rawValue), SQLBind(moment.millis)
            )
            .run()
    }

    /// Records that the decision on `escalation` spent `amount` on `day`, inside the decision's transaction.
    static func spend(
        _ amount: Euro, escalation: String, on day: Day, grant: AccessGrant, at moment: Date, on db: any SQLDatabase
    ) async throws {
        try await db.insert(into: "care_budget_spendings")
            .columns(
                "id", "network_id", "household_id", "escalation_id", "spent_on", "amount_cents", "recorded_by",
                "recorded_at"
            )
            .values(
                SQLBind(TimeOrderedID.make()), SQLBind(grant.context.network.rawValue),
                SQLBind(grant.context.household.rawValue), SQLBind(escalation), SQLBind(day.iso), SQLBind(amount.cents),
                SQLBind(grant.actor.user.rawValue), SQLBind(moment.millis)
            )
            .run()
    }

    /// Holds the network's row until the transaction ends, so two decisions on PostgreSQL cannot both spend the
    /// last euros (SQLite serialises writes already).
    public static func lock(_ network: NetworkID, on db: any SQLDatabase) async throws {
        guard db.dialect.name != "sqlite" else { return }
        try await db.raw("SELECT id FROM networks WHERE id = \(bind: network.rawValue) FOR UPDATE").run()
    }

    private struct SettingRow: Decodable {
        let year: Int, amountCents: Int, setAt: Int64, name: String?
    }

    private struct SpendingRow: Decodable {
        let escalationId: String, householdId: String, spentOn: String, amountCents: Int, name: String
    }

    /// Everything the network set and spent.
    public static func budget(of network: NetworkID, on db: any SQLDatabase) async throws -> CareBudget {
        let settings = try await db.select()
            .columns(
                SQLColumn("year", table: "care_budget_settings"),
                SQLColumn("amount_cents", table: "care_budget_settings"),
                SQLColumn("set_at", table: "care_budget_settings"), SQLColumn("name", table: "users")
            )
            .from("care_budget_settings")
            .join(
                "users", method: SQLJoinMethod.left, on: SQLColumn("id", table: "users"), .equal,
                SQLColumn("set_by", table: "care_budget_settings")
            )
            .where(SQLColumn("network_id", table: "care_budget_settings"), .equal, SQLBind(network.rawValue))
            .all(decoding: SettingRow.self, keyDecodingStrategy: .snakeCase)
        let spendings = try await db.select()
            .columns(
                SQLColumn("escalation_id", table: "care_budget_spendings"),
                SQLColumn("household_id", table: "care_budget_spendings"),
                SQLColumn("spent_on", table: "care_budget_spendings"),
                SQLColumn("amount_cents", table: "care_budget_spendings"), SQLColumn("name", table: "users")
            )
            .from("care_budget_spendings")
            .join(
                "users", on: SQLColumn("id", table: "users"), .equal,
                SQLColumn("recorded_by", table: "care_budget_spendings")
            )
            .where(SQLColumn("network_id", table: "care_budget_spendings"), .equal, SQLBind(network.rawValue))
            .all(decoding: SpendingRow.self, keyDecodingStrategy: .snakeCase)
        return CareBudget(
            settings: settings.map {
                .init(
                    year: $0.year, amount: Euro(cents: $0.amountCents), setAt: Date(millis: $0.setAt),
                    byName: $0.name ?? "")
            },
            spendings: spendings.compactMap { row in
                Day(row.spentOn).map {
                    .init(
                        escalation: row.escalationId, household: HouseholdID(rawValue: row.householdId), on: $0,
                        amount: Euro(cents: row.amountCents), byName: row.name)
                }
            })
    }
}
