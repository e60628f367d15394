import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@Suite("Own names database")
struct OwnNamesDatabaseTests {
    /// The statement text is what SQLKit renders for names without quote marks: names quoted, values as the
    /// dialect's binds, string literals still escaped — in and outside a transaction.
    @Test(
        "Statements render as SQLKit renders them, string literals still escaped, binds passed on",
        arguments: TestDatabases.backends)
    func rendering(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let f = try await Fixture.make(on: db)
            struct Row: Decodable { let name: String, quote: String }
            let placeholder = backend == .sqlite ? "?1" : "$1"
            let check: @Sendable (any SQLDatabase) async throws -> Void = { sql in
                let query = sql.select().column(SQLColumn("name", table: "networks"))
                    .column(SQLLiteral.string("zo'n \"netwerk\""), as: "quote").from("networks")
                    .where(SQLColumn("id", table: "networks"), .equal, SQLBind(f.network.id.rawValue))
                #expect(
                    sql.serialize(query.select).sql
                        == #"SELECT "networks"."name", 'zo''n "netwerk"' AS "quote" FROM "networks" WHERE "#
                        + #""networks"."id" = \#(placeholder)"#)
                let row = try #require(try await query.first(decoding: Row.self))
                #expect(row.name == f.network.name)
                #expect(row.quote == "zo'n \"netwerk\"")
            }
            try await check(db.sql)
            try await db.write { tx in try await check(tx) }
        }
    }
}
