import FluentKit
import SQLKit

/// An index on the household of every plan, open or closed (issue 9). The only index on `plans.household_id` was the
/// partial one for the open plan; the figures, which read closed plans too, scanned the whole table (94,000 plans at
/// scale `regio`) each time they read one changed household again.
struct M018PlanHouseholdIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("CREATE INDEX plans_household ON plans(household_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP INDEX plans_household").run()
    }
}
