import FluentKit
import SQLKit

/// An index on the household reference (issue 9): a new reference is checked against the ones in use, which at
/// region scale must not mean reading every household. Not unique, because a database from before may already
/// hold a rare duplicate; new references never repeat one.
struct M015ReferenceIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("CREATE INDEX households_reference ON households(reference)").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP INDEX households_reference").run()
    }
}
