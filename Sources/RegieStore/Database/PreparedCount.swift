import FluentPostgresDriver
import SQLKit

/// The names a statement kept per number of parameters (`KeptStatement(forCounts:)`) is prepared under on
/// PostgreSQL, one per number: PostgresNIO knows a prepared statement by its type, so each number is a type of its
/// own, and the name PostgreSQL sees is the statement's with the number ("…SummariesStatement 3").
enum PreparedCount {
    /// One number of parameters, as a type.
    protocol Number { static var value: Int { get } }

    /// A prepared statement's name for `Name` with `Count` parameters (`PreparedOnServer.Statement.name`).
    enum Named<Name, Count: Number>: NamedStatement {
        static var statementName: String { "\(String(reflecting: Name.self)) \(Count.value)" }
    }

    enum One: Number { static let value = 1 }
    enum Two: Number { static let value = 2 }
    enum Three: Number { static let value = 3 }
    enum Four: Number { static let value = 4 }
    enum Five: Number { static let value = 5 }
    enum Six: Number { static let value = 6 }
    enum Seven: Number { static let value = 7 }
    enum Eight: Number { static let value = 8 }
    enum Nine: Number { static let value = 9 }

    /// The numbers by position: `numbers[n - 1]` stands for `n`. A statement kept for more is run as plain text.
    static let numbers: [any Number.Type] = [
        One.self, Two.self, Three.self, Four.self, Five.self, Six.self, Seven.self, Eight.self, Nine.self,
    ]
}

extension PreparedCount.Number {
    /// The handle that runs statement `Name` with this number of parameters prepared.
    static func handle<Name>(_: Name.Type, client: PostgresClient, base: any SQLDatabase) -> any SQLDatabase {
        PreparedOnServer<PreparedCount.Named<Name, Self>>(client: client, base: base)
    }

    /// Records the PostgreSQL text of statement `Name` with this number of parameters.
    static func register<Name>(_: Name.Type, sql: String, dialect: String) {
        PreparedOnServer<PreparedCount.Named<Name, Self>>.register(sql: sql, dialect: dialect)
    }
}

/// A type naming a prepared statement other than by its own full name.
protocol NamedStatement { static var statementName: String { get } }
