import FluentKit
import SQLKit

/// One counter for the directory — users with their roles, organisations, networks and their partners (issue 9).
/// Pages kept per household fact version also show names from the directory (a director's organisation, a care-team
/// member, a conference's chair); a change there raises this counter, so what was kept under the old value is
/// derived again on every app server.
struct M020DirectoryVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        try await db.raw("CREATE TABLE directory_version (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)").run()
        try await db.raw("INSERT INTO directory_version (id, version) VALUES (1, 0)").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP TABLE directory_version").run()
    }
}
