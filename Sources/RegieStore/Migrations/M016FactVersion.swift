import FluentKit
import SQLKit

/// A fact version per household (issue 9): every recorded change to a household raises it in the same
/// transaction, so list pages can reuse what they derived from the household's facts until the version moves,
/// instead of deriving every household again on every request. Starts at 0 for households from before.
/// Also an index on the timeline by network, for the figures.
struct M016FactVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase)
            .raw("ALTER TABLE households ADD COLUMN fact_version BIGINT NOT NULL DEFAULT 0").run()
        // The figures read a network's events; without this they scanned the whole region's timeline.
        try await (database as! any SQLDatabase)
            .raw("CREATE INDEX timeline_network ON timeline_events(network_id, seq)").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP INDEX timeline_network").run()
        try await (database as! any SQLDatabase).raw("ALTER TABLE households DROP COLUMN fact_version").run()
    }
}
