import Foundation
import RegieCore
import SQLKit

/// A household's fact version and the directory's version, read together: what the case page is kept under; with
/// its network's fact stamp (`HouseholdStore.factStamp(of:)`), under which the page's caseloads are kept.
public typealias CaseStamp = (facts: Int64, directory: Int64, network: String)

/// The directory's version: raised, in the writing transaction, by every change to a user, a user's roles, an
/// organisation, a network or a network's partners. What an app server keeps with names from the directory is
/// kept under the version it read first, so a rename shows on the next page on every server.
public enum DirectoryVersion {
    /// Raises the version; call it in the transaction that changes the directory.
    public static func raise(on db: any SQLDatabase) async throws {
        try await db.update("directory_version")
            .set(SQLIdentifier("version"), to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLBind(1)))
            .where("id", .equal, SQLBind(1)).run()
    }

    /// The household's fact version and the directory's, in one read: together they say whether anything the case
    /// page shows changed. Its network's stamp comes with them, so that a case page reads one stamp statement, not
    /// two. `nil` when the household does not exist.
    public static func caseStamp(of household: HouseholdID, on db: any SQLDatabase) async throws -> CaseStamp? {
        guard let row = try await caseStampStatement.fetch([household.rawValue], on: db).first() else { return nil }
        let network = HouseholdStore.stamp(
            households: try row.decode(column: "network_households", as: Int64?.self) ?? 0,
            versions: try row.decode(column: "network_versions", as: Int64?.self) ?? 0)
        return (
            try row.decode(column: "fact_version", as: Int64.self), try row.decode(column: "directory", as: Int64.self),
            network
        )
    }

    /// Names the statement below on PostgreSQL, where it runs prepared (`KeptStatement`).
    enum CaseStampStatement {}

    /// Run on every case page: kept rendered (`KeptStatement`).
    private static let caseStampStatement = KeptStatement<CaseStampStatement> { db, parameters in
        db.select().column(SQLColumn("fact_version", table: "households")).column(now, as: "directory")
            .column(SQLColumn("households", table: "network_stamps"), as: "network_households")
            .column(SQLColumn("versions", table: "network_stamps"), as: "network_versions")
            .from("households")
            .join(
                "network_stamps", method: SQLJoinMethod.left, on: SQLColumn("network_id", table: "network_stamps"),
                .equal, SQLColumn("network_id", table: "households")
            )
            .where(SQLColumn("id", table: "households"), .equal, SQLBind(parameters[0])).query
    }

    /// The directory's version as a subquery, to read it in the same statement as what is kept under it.
    static var now: any SQLExpression {
        SQLSubquery.select { $0.column("version").from("directory_version").where("id", .equal, SQLBind(1)) }
    }

    /// The directory's version now.
    public static func current(on db: any SQLDatabase) async throws -> Int64 {
        try await db.select().column("version").from("directory_version").where("id", .equal, SQLBind(1)).first()?
            .decode(column: "version", as: Int64.self) ?? 0
    }
}
