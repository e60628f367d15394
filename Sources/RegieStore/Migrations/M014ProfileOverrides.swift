import FluentKit
import SQLKit

/// Per-network overrides of single profile settings (issue 8), as JSON beside the profile code: read with the network
/// and applied by `ProfileLibrary.profile(for:)`. Changes are recorded in the administration log.
struct M014ProfileOverrides: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw(
            "ALTER TABLE networks ADD COLUMN profile_overrides TEXT NOT NULL DEFAULT '{}'"
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("ALTER TABLE networks DROP COLUMN profile_overrides").run()
    }
}
