import RegieCore
import SQLKit

/// The statement behind every person check and every signal's identity question, in its three shapes (by BSN, by
/// family name and birth date, by either), each kept rendered and on PostgreSQL prepared (`KeptStatement`).
extension SignalStore {
    /// Persons of `network` with the BSN, or with the family key and birth date (ISO), at most twenty, each with its
    /// current household's id, reference and fact version — read together, since a check that finds several people
    /// would otherwise ask once more per person. Both identifiers missing finds nobody.
    static func matches(
        network: NetworkID, bsn: String?, familyKey: String, birth: String?, on db: any SQLDatabase
    ) async throws -> [PersonRow] {
        let fetcher: any SQLQueryFetcher
        switch (bsn, birth) {
        case (let bsn?, let birth?): fetcher = byEither.fetch([network.rawValue, bsn, familyKey, birth], on: db)
        case (let bsn?, nil): fetcher = byBSN.fetch([network.rawValue, bsn], on: db)
        case (nil, let birth?): fetcher = byBirth.fetch([network.rawValue, familyKey, birth], on: db)
        case (nil, nil): return []
        }
        return try await fetcher.all(decoding: PersonRow.self, keyDecodingStrategy: .snakeCase)
    }

    /// Name the three shapes on PostgreSQL, where they run prepared.
    enum MatchByEither {}
    enum MatchByBSN {}
    enum MatchByBirth {}

    private static let byEither = KeptStatement<MatchByEither> { db, parameters in
        matchQuery(network: parameters[0], bsn: parameters[1], familyKey: parameters[2], birth: parameters[3], on: db)
    }

    private static let byBSN = KeptStatement<MatchByBSN> { db, parameters in
        matchQuery(network: parameters[0], bsn: parameters[1], familyKey: nil, birth: nil, on: db)
    }

    private static let byBirth = KeptStatement<MatchByBirth> { db, parameters in
        matchQuery(network: parameters[0], bsn: nil, familyKey: parameters[1], birth: parameters[2], on: db)
    }

    /// One shape: the BSN condition when `bsn` is given, the name-and-birth one when `birth` is.
    private static func matchQuery(
        network: String, bsn: String?, familyKey: String?, birth: String?, on db: any SQLDatabase
    ) -> any SQLExpression {
        let person = ["id", "given_name", "family_name_prefix", "family_name", "birth_date", "bsn"].map {
            SQLColumn($0, table: "persons")
        }
        return db.select().columns(person)
            .column(SQLColumn("household_id", table: "household_members"))
            .column(SQLColumn("reference", table: "households"))
            .column(SQLColumn("fact_version", table: "households"))
            .from("persons")
            .join(
                SQLIdentifier("household_members"), method: SQLJoinMethod.left,
                on: SQLBinaryExpression(
                    SQLBinaryExpression(
                        SQLColumn("person_id", table: "household_members"), .equal, SQLColumn("id", table: "persons")),
                    .and, SQLBinaryExpression(SQLColumn("left_on", table: "household_members"), .is, SQLLiteral.null))
            )
            .join(
                SQLIdentifier("households"), method: SQLJoinMethod.left,
                on: SQLColumn("id", table: "households"), .equal, SQLColumn("household_id", table: "household_members")
            )
            .where(SQLColumn("network_id", table: "persons"), .equal, SQLBind(network))
            .where { group in
                var group = group
                if let bsn { group = group.orWhere(SQLColumn("bsn", table: "persons"), .equal, SQLBind(bsn)) }
                if let familyKey, let birth {
                    group = group.orWhere { inner in
                        inner.where(SQLColumn("family_key", table: "persons"), .equal, SQLBind(familyKey))
                            .where(SQLColumn("birth_date", table: "persons"), .equal, SQLBind(birth))
                    }
                }
                return group
            }
            .limit(20).query
    }
}
