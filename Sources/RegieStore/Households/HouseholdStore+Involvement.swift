import Foundation
import RegieCore
import SQLKit

extension HouseholdStore {
    /// "Who is involved" (like the Verwijsindex): the organisations that signalled the household or are in
    /// its care team — names only, no content. Needs a grant, so the look-up is decided and logged.
    public static func involvedOrganisations(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> [String] {
        let household = SQLBind(grant.context.household.rawValue)
        let signalling = try await db.select().distinct().column(SQLColumn("name", table: "organisations"))
            .from("signals")
            .join(
                SQLIdentifier("organisations"), on: SQLColumn("id", table: "organisations"), .equal,
                SQLColumn("reporter_organisation_id", table: "signals")
            )
            .where(SQLColumn("household_id", table: "signals"), .equal, household).all()
        let names =
            try signalling.map { try $0.decode(column: "name", as: String.self) }
            + (try await careTeam(grant, on: db)).map(\.organisationName)
        return Array(Set(names)).sorted()
    }
}
