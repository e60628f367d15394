import Logging
import NIOCore
import SQLKit

/// What a statement meets once `RegieDatabase.shutdown` closed the connections.
public struct DatabaseClosed: Error, Sendable {}

/// The handle `RegieDatabase.sql` gives after shutdown: every statement fails with `DatabaseClosed`.
struct ClosedDatabase: SQLDatabase {
    let logger: Logger
    let eventLoop: any EventLoop
    let dialect: any SQLDialect
    var version: (any SQLDatabaseReportedVersion)? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        eventLoop.makeFailedFuture(DatabaseClosed())
    }
}
