import Foundation
import RegieCore
import SQLKit

/// Which households the figure facts are read for: every household of a set of networks, or — to read again only
/// what changed since an earlier reading — some of them.
struct FigureScope {
    let networks: SQLGroupExpression
    let households: SQLGroupExpression?

    init(networks: [NetworkID], households: [HouseholdID]?) {
        self.networks = SQLGroupExpression(networks.map { SQLBind($0.rawValue) })
        self.households = households.map { SQLGroupExpression($0.map { SQLBind($0.rawValue) }) }
    }

    /// The network column as a condition names it. With chosen households it is wrapped in an expression no index
    /// covers: SQLite otherwise took the network's index and read every event of the network to find a few
    /// households' (the households' own index is the short way then).
    func network(_ column: SQLColumn) -> any SQLExpression {
        households == nil ? column : SQLFunction("COALESCE", args: column, SQLLiteral.string(""))
    }
}

extension SQLSelectBuilder {
    /// Keeps the rows of `table`, which names its network and household, that are in `scope`.
    func within(_ scope: FigureScope, _ table: String) -> Self {
        self.where(scope.network(SQLColumn("network_id", table: table)), .in, scope.networks)
        if let households = scope.households {
            self.where(SQLColumn("household_id", table: table), .in, households)
        }
        return self
    }

    /// Keeps the rows of `table` whose household is in `scope` (joining `households`, so its columns, such as the
    /// neighbourhood, can be selected too).
    func inNetworks(_ scope: FigureScope, householdOf table: String) -> Self {
        join(
            SQLIdentifier("households"), on: SQLColumn("id", table: "households"), .equal,
            SQLColumn("household_id", table: table)
        )
        .where(scope.network(SQLColumn("network_id", table: "households")), .in, scope.networks)
        if let households = scope.households {
            self.where(SQLColumn("id", table: "households"), .in, households)
        }
        return self
    }
}
