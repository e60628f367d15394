import FluentKit
import SQLKit

/// A covering index for the lists' first read (issue 9): every household of a network with its fact version,
/// answered from the index alone. Without it the read looked up 2,500 rows of a region's household table per list
/// (8–12 ms on SQLite at scale `regio`, twice per worklist); with it, a fraction of a millisecond.
struct M017FactVersionIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase)
            .raw("CREATE INDEX households_network_version ON households(network_id, id, fact_version)").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP INDEX households_network_version").run()
    }
}
