import RegieCore
import SQLKit

extension HouseholdStore {
    /// A network's fact stamp (`factStamp(of:)`) read with the signed-in user, for each network they hold a role in,
    /// with what waits there (`Waiting`) for the roles that review break-glass accesses or answer hand-overs. The
    /// worklist and the signal list start from their network's stamp; read with the session, it costs them no
    /// statement of their own — on PostgreSQL a round trip between threads on every view.
    public struct NetworkStamp: Sendable, Equatable {
        /// The network's households, and the sum of their fact versions.
        public let households: Int64, versions: Int64
        /// `nil` where none of the user's roles in the network reviews break-glass accesses: not read.
        public let unreviewedAccesses: Int?
        /// `nil` where none of the user's roles in the network answers hand-overs: not read.
        public let handoverOffers: Int?

        /// The network's fact stamp, as `factStamp(of:)` reads it.
        public var stamp: String { HouseholdStore.stamp(households: households, versions: versions) }

        /// The stamp with the directory's version after it, as `factStampWithDirectory(of:)` reads it.
        public func stamp(withDirectory directory: Int64) -> String {
            HouseholdStore.stamp(stamp, directory: directory)
        }

        /// What waits for a user who reviews break-glass accesses (`reviews`) and answers hand-overs
        /// (`answersHandovers`); `nil` when a count they need was not read with the stamp.
        public func waiting(reviews: Bool, answersHandovers: Bool) -> Waiting? {
            if reviews && unreviewedAccesses == nil || answersHandovers && handoverOffers == nil { return nil }
            return Waiting(
                unreviewedAccesses: reviews ? unreviewedAccesses ?? 0 : 0,
                handoverOffers: answersHandovers ? handoverOffers ?? 0 : 0)
        }
    }

    /// Adds the stamp of each role's network to a select that joins `user_roles`, and the counts of what waits there
    /// on the rows of the roles that need them (worked out on those rows only).
    static func joiningNetworkStamps(_ select: SQLSelectBuilder) -> SQLSelectBuilder {
        let network = SQLColumn("network_id", table: "user_roles")
        return select.column(SQLColumn("households", table: "network_stamps"), as: "stamp_households")
            .column(SQLColumn("versions", table: "network_stamps"), as: "stamp_versions")
            .column(
                ForRoles(NetworkFeature.breakGlassReview.roles, BreakGlassStore.unreviewedCount(in: network)),
                as: "stamp_unreviewed"
            )
            .column(
                ForRoles(NetworkFeature.handovers.roles, HandoverStore.pendingCount(to: network)), as: "stamp_offers"
            )
            .join(
                "network_stamps", method: SQLJoinMethod.left, on: SQLColumn("network_id", table: "network_stamps"),
                .equal, network)
    }

    /// The stamps in the rows of a select made with `joiningNetworkStamps` (one row per role), by network. A network
    /// without households has no stamp row yet: its stamp is that of none, as `factStamp(of:)` reads it.
    static func networkStamps(from rows: [any SQLRow]) throws -> [NetworkID: NetworkStamp] {
        struct Joined: Decodable {
            let roleNetworkId: String?
            let stampHouseholds: Int64?, stampVersions: Int64?, stampUnreviewed: Int?, stampOffers: Int?
        }
        var stamps: [NetworkID: NetworkStamp] = [:]
        for row in rows {
            let joined = try row.decode(model: Joined.self, keyDecodingStrategy: .snakeCase)
            guard let id = joined.roleNetworkId.map(NetworkID.init(rawValue:)) else { continue }
            let earlier = stamps[id]
            stamps[id] = NetworkStamp(
                households: joined.stampHouseholds ?? 0, versions: joined.stampVersions ?? 0,
                unreviewedAccesses: earlier?.unreviewedAccesses ?? joined.stampUnreviewed,
                handoverOffers: earlier?.handoverOffers ?? joined.stampOffers)
        }
        return stamps
    }

    /// The fact stamp of `networks` (`factStamp(of:)`: their households counted and their versions summed) from
    /// stamps read with the session; `nil` when one of the networks is not among them.
    public static func factStamp(of networks: [NetworkID], from known: [NetworkID: NetworkStamp]) -> String? {
        var (households, versions): (Int64, Int64) = (0, 0)
        for network in networks {
            guard let stamp = known[network] else { return nil }
            households += stamp.households
            versions += stamp.versions
        }
        return stamp(households: households, versions: versions)
    }
}

/// `CASE WHEN user_roles.role IN (…) THEN value END`: the value for the rows of `roles`, NULL for the others. The
/// roles are written as literals, so a kept statement's plan knows them.
private struct ForRoles: SQLExpression {
    let roles: [Role]
    let value: any SQLExpression

    init(_ roles: Set<Role>, _ value: any SQLExpression) {
        self.roles = roles.sorted()
        self.value = value
    }

    func serialize(to serializer: inout SQLSerializer) {
        guard !roles.isEmpty else { return SQLLiteral.null.serialize(to: &serializer) }
        serializer.write("CASE WHEN ")
        SQLColumn("role", table: "user_roles").serialize(to: &serializer)
        serializer.write(" IN ")
        SQLGroupExpression(roles.map { SQLLiteral.string($0.rawValue) }).serialize(to: &serializer)
        serializer.write(" THEN ")
        value.serialize(to: &serializer)
        serializer.write(" END")
    }
}
