import RegieCore
import SQLKit

extension TimelineStore {
    /// The changes to `section` of the grant's household stored after position `seen` (the newest event the
    /// user's page showed), oldest first; empty means the save may go ahead. Call it inside the save's
    /// transaction: it first locks the household's row (PostgreSQL; SQLite serialises writes anyway), so a save
    /// racing with this one waits for it and then finds its change.
    public static func changes(
        to section: EditSection, since seen: Int64, grant: AccessGrant, on db: any SQLDatabase
    ) async throws -> [TimelineEvent] {
        _ = try await db.select().column("fact_version").from("households")
            .where("id", .equal, SQLBind(grant.context.household.rawValue)).for(.update).first()
        let events = try await selectEvents(on: db)
            .where("household_id", .equal, SQLBind(grant.context.household.rawValue))
            .where("seq", .greaterThan, SQLBind(seen)).orderBy("seq")
            .all(decoding: Row.self, keyDecodingStrategy: .snakeCase).map(\.event)
        return section.changes(since: seen, in: events)
    }
}
