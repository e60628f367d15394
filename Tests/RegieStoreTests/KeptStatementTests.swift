import Foundation
import RegieCore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieStore

/// A statement rendered once runs with each call's parameters in the right places, constants kept.
@Suite("Kept statements")
struct KeptStatementTests {
    /// Sessions whose key is one parameter or whose data is another (the first used twice), never expired (`true`
    /// is a constant bind, not a parameter).
    private static let statement = KeptStatement { db, parameters in
        db.select().column("key_hash").from("sessions")
            .where("key_hash", .equal, SQLBind(parameters[0]))
            .orWhere("data", .equal, SQLBind(parameters[1]))
            .orWhere(
                SQLBinaryExpression(SQLColumn("key_hash"), .equal, SQLBind(parameters[0])), .and,
                SQLBinaryExpression(SQLBind(true), .equal, SQLBind(true))
            )
            .orderBy("key_hash").query
    }

    @Test("Each run answers for its own parameters, on both databases", arguments: TestDatabases.backends)
    func parameters(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            try await db.write { tx in
                for (key, data) in [("a", "x"), ("b", "y"), ("c", "x")] {
                    try await SessionStore.set(keyHash: key, data: data, expiresAt: nil, on: tx)
                }
            }
            let keys = { (parameters: [String]) in
                try await Self.statement.fetch(parameters, on: db.sql).all()
                    .map { try $0.decode(column: "key_hash", as: String.self) }
            }
            #expect(try await keys(["a", "y"]) == ["a", "b"])
            #expect(try await keys(["c", "none"]) == ["c"])
            #expect(try await keys(["none", "x"]) == ["a", "c"])
            #expect(try await keys(["it's", "none"]).isEmpty, "a quote in a parameter is a value, not text")
        }
    }
}
