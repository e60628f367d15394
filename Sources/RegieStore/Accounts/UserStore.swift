import Foundation
import RegieCore
import SQLKit

/// What the store keeps about a user's login and nothing else reads.
public struct Credentials: Sendable {
    public let passwordHash: String
    /// Base32 TOTP secret; present once set-up started, used only when `totpEnabled`.
    public let totpSecret: String?
    public let failedLogins: Int
}

/// Reads and writes users, their credentials and their roles.
public enum UserStore {
    private struct Row: Decodable {
        let id: String, name: String, email: String, organisationId: String, passwordHash: String
        let totpSecret: String?, totpEnabled: Bool, locale: String, active: Bool, failedLogins: Int
        let lockedUntil: Int64?, authEpoch: Int, createdAt: Int64

        var user: UserAccount {
            UserAccount(
                id: UserID(rawValue: id), name: name, email: email,
                organisation: OrganisationID(rawValue: organisationId), totpEnabled: totpEnabled,
                locale: locale, active: active, lockedUntil: lockedUntil.map(Date.init(millis:)),
                authEpoch: authEpoch, createdAt: Date(millis: createdAt))
        }
        var credentials: Credentials {
            Credentials(passwordHash: passwordHash, totpSecret: totpSecret, failedLogins: failedLogins)
        }
    }

    private static let columns = [
        "id", "name", "email", "organisation_id", "password_hash", "totp_secret", "totp_enabled", "locale", "active",
        "failed_logins", "locked_until", "auth_epoch", "created_at",
    ]

    public static func insert(_ user: UserAccount, passwordHash: String, on db: any SQLDatabase) async throws {
        let now = Date().millis
        do {
            try await db.insert(into: "users")
                .columns(columns + ["updated_at"])
                .values(
                    SQLBind(user.id.rawValue), SQLBind(user.name), SQLBind(EmailAddress.normalise(user.email)),
                    SQLBind(user.organisation.rawValue), SQLBind(passwordHash), SQLBind(Optional<String>.none),
                    SQLBind(false), SQLBind(user.locale), SQLBind(user.active), SQLBind(0),
                    SQLBind(Optional<Int64>.none), SQLBind(user.authEpoch), SQLBind(user.createdAt.millis),
                    SQLBind(now)
                )
                .run()
        } catch let error where error.isUniqueViolation {
            throw StoreError.duplicate(field: "email")
        }
        try await DirectoryVersion.raise(on: db)
    }

    /// Saves name, e-mail, organisation, locale and active flag. Deactivating also ends all sessions.
    public static func update(_ user: UserAccount, on db: any SQLDatabase) async throws {
        let current = try await find(user.id, on: db)
        let endSessions = current.map { $0.active && !user.active } ?? false
        do {
            try await db.update("users")
                .set("name", to: SQLBind(user.name)).set("email", to: SQLBind(EmailAddress.normalise(user.email)))
                .set("organisation_id", to: SQLBind(user.organisation.rawValue))
                .set("locale", to: SQLBind(user.locale)).set("active", to: SQLBind(user.active))
                .set("updated_at", to: SQLBind(Date().millis))
                .where("id", .equal, SQLBind(user.id.rawValue)).run()
        } catch let error where error.isUniqueViolation {
            throw StoreError.duplicate(field: "email")
        }
        if endSessions { try await endAllSessions(of: user.id, on: db) }
        if let current, current.name != user.name { try await HouseholdStore.touchDirected(by: user.id, on: db) }
        try await DirectoryVersion.raise(on: db)
    }

    public static func find(_ id: UserID, on db: any SQLDatabase) async throws -> UserAccount? {
        try await db.select().columns(columns).from("users").where("id", .equal, SQLBind(id.rawValue))
            .first(decoding: Row.self, keyDecodingStrategy: .snakeCase)?.user
    }

    /// What a signed-in request reads about its user, with what every page's frame shows besides: the directory's
    /// version (under which the frame's networks are kept) and the user's unread messages — read with the session or
    /// the API token (`joiningSignedIn`), so a request reads none of them on its own.
    public struct SignedIn: Sendable {
        public let user: UserAccount
        public let organisationName: String
        public let roles: Set<RoleAssignment>
        public let directory: Int64
        public let unread: Int
        /// The fact stamps of the networks the user holds a role in, read with them (`HouseholdStore.NetworkStamp`).
        public let stamps: [NetworkID: HouseholdStore.NetworkStamp]
    }

    /// Adds what `SignedIn` is read from to a select whose FROM already holds `users`: the user's columns, the frame's
    /// directory version and unread count, the organisation and roles joined, and the stamp of each role's network.
    /// The reads of a session and of an API token join their user with it, so that a request reads both in one
    /// statement.
    static func joiningSignedIn(_ select: SQLSelectBuilder) -> SQLSelectBuilder {
        let unread = SQLSubquery.select {
            $0.column(SQLFunction("COUNT", args: SQLLiteral.all)).from("notifications")
                .where(SQLColumn("user_id", table: "notifications"), .equal, SQLColumn("id", table: "users"))
                .where(SQLColumn("read_at", table: "notifications"), .is, SQLLiteral.null)
        }
        let withUser = select.columns(columns.map { SQLColumn($0, table: "users") })
            .column(DirectoryVersion.now, as: "directory").column(unread, as: "unread")
            .column(SQLColumn("name", table: "organisations"), as: "organisation_name")
            .column(SQLColumn("role", table: "user_roles"), as: "role")
            .column(SQLColumn("network_id", table: "user_roles"), as: "role_network_id")
            .join(
                "organisations", method: SQLJoinMethod.left, on: SQLColumn("id", table: "organisations"), .equal,
                SQLColumn("organisation_id", table: "users")
            )
            .join(
                "user_roles", method: SQLJoinMethod.left, on: SQLColumn("user_id", table: "user_roles"), .equal,
                SQLColumn("id", table: "users")
            )
        return HouseholdStore.joiningNetworkStamps(withUser)
    }

    /// The user in the rows of a statement made with `joiningSignedIn` (one row per role); `nil` when they hold none,
    /// as when a session's user no longer exists.
    static func signedIn(from rows: [any SQLRow]) throws -> SignedIn? {
        struct Joined: Decodable { let organisationName: String?, role: String?, roleNetworkId: String? }
        guard let first = rows.first, try !first.decodeNil(column: "id") else { return nil }
        let joined = try rows.map { try $0.decode(model: Joined.self, keyDecodingStrategy: .snakeCase) }
        let roles = joined.compactMap { row in
            row.role.flatMap(Role.init(rawValue:)).map {
                RoleAssignment(role: $0, network: row.roleNetworkId.map(NetworkID.init(rawValue:)))
            }
        }
        return SignedIn(
            user: try first.decode(model: Row.self, keyDecodingStrategy: .snakeCase).user,
            organisationName: joined[0].organisationName ?? "", roles: Set(roles),
            directory: try first.decode(column: "directory", as: Int64.self),
            unread: try first.decode(column: "unread", as: Int.self),
            stamps: try HouseholdStore.networkStamps(from: rows))
    }

    /// The user and credentials for a login attempt.
    public static func findForLogin(email: String, on db: any SQLDatabase) async throws
        -> (user: UserAccount, credentials: Credentials)?
    {
        guard
            let row = try await db.select().columns(columns).from("users")
                .where("email", .equal, SQLBind(EmailAddress.normalise(email)))
                .first(decoding: Row.self, keyDecodingStrategy: .snakeCase)
        else { return nil }
        return (row.user, row.credentials)
    }

    public static func credentials(of id: UserID, on db: any SQLDatabase) async throws -> Credentials? {
        try await db.select().columns(columns).from("users").where("id", .equal, SQLBind(id.rawValue))
            .first(decoding: Row.self, keyDecodingStrategy: .snakeCase)?.credentials
    }

    public static func all(on db: any SQLDatabase) async throws -> [UserAccount] {
        try await db.select().columns(columns).from("users").orderBy("name")
            .all(decoding: Row.self, keyDecodingStrategy: .snakeCase).map(\.user)
    }

    /// A new password ends every other session of the user.
    public static func setPassword(_ id: UserID, hash: String, on db: any SQLDatabase) async throws {
        try await db.update("users").set("password_hash", to: SQLBind(hash))
            .set("updated_at", to: SQLBind(Date().millis)).where("id", .equal, SQLBind(id.rawValue)).run()
        try await endAllSessions(of: id, on: db)
    }

    /// Stores a TOTP secret; `enabled` becomes true only after the user proved they can generate codes.
    public static func setTOTP(_ id: UserID, secret: String?, enabled: Bool, on db: any SQLDatabase) async throws {
        try await db.update("users").set("totp_secret", to: SQLBind(secret)).set("totp_enabled", to: SQLBind(enabled))
            .set("updated_at", to: SQLBind(Date().millis)).where("id", .equal, SQLBind(id.rawValue)).run()
    }

    /// Claims a TOTP time step for the user: a code counts once, so a code seen over someone's shoulder
    /// cannot be used again. Returns false when this step (or a later one) was already used.
    public static func claimTOTPStep(_ id: UserID, step: Int64, on db: any SQLDatabase) async throws -> Bool {
        let rows = try await db.update("users").set("totp_last_step", to: SQLBind(step))
            .where("id", .equal, SQLBind(id.rawValue))
            .where { group in
                group.where("totp_last_step", .is, SQLLiteral.null).orWhere("totp_last_step", .lessThan, SQLBind(step))
            }
            .returning("id").all()
        return !rows.isEmpty
    }

    /// Counts a failed login; at `lockAfter` failures the account is locked until `lockUntil`.
    public static func recordFailedLogin(_ id: UserID, lockAfter: Int, lockUntil: Date, on db: any SQLDatabase)
        async throws -> Bool
    {
        try await db.update("users").set("failed_logins", to: SQLRaw("failed_logins + 1"))
            .where("id", .equal, SQLBind(id.rawValue)).run()
        guard let failures = try await credentials(of: id, on: db)?.failedLogins, failures >= lockAfter else {
            return false
        }
        try await db.update("users").set("locked_until", to: SQLBind(lockUntil.millis))
            .set("failed_logins", to: SQLBind(0)).where("id", .equal, SQLBind(id.rawValue)).run()
        return true
    }

    public static func recordSuccessfulLogin(_ id: UserID, on db: any SQLDatabase) async throws {
        try await db.update("users").set("failed_logins", to: SQLBind(0))
            .set("locked_until", to: SQLBind(Optional<Int64>.none)).where("id", .equal, SQLBind(id.rawValue)).run()
    }

    /// Unlocks an account an administrator vouches for.
    public static func unlock(_ id: UserID, on db: any SQLDatabase) async throws {
        try await recordSuccessfulLogin(id, on: db)
    }

    /// Every session carries the epoch it was made in; raising it makes them all invalid at once.
    public static func endAllSessions(of id: UserID, on db: any SQLDatabase) async throws {
        try await db.update("users").set("auth_epoch", to: SQLRaw("auth_epoch + 1"))
            .where("id", .equal, SQLBind(id.rawValue)).run()
    }

    private struct RoleRow: Decodable { let role: String, networkId: String? }

    public static func roles(of id: UserID, on db: any SQLDatabase) async throws -> Set<RoleAssignment> {
        let rows = try await db.select().columns("role", "network_id").from("user_roles")
            .where("user_id", .equal, SQLBind(id.rawValue))
            .all(decoding: RoleRow.self, keyDecodingStrategy: .snakeCase)
        return Set(
            rows.compactMap { row in
                Role(rawValue: row.role).map {
                    RoleAssignment(role: $0, network: row.networkId.map(NetworkID.init(rawValue:)))
                }
            })
    }

    /// Replaces the user's roles. Losing a role ends the user's sessions, so access is revoked at once.
    public static func setRoles(_ id: UserID, _ roles: Set<RoleAssignment>, on db: any SQLDatabase) async throws {
        let previous = try await self.roles(of: id, on: db)
        try await db.delete(from: "user_roles").where("user_id", .equal, SQLBind(id.rawValue)).run()
        for assignment in roles {
            let network = assignment.role.isNetworkScoped ? assignment.network : nil
            try await db.insert(into: "user_roles").columns("user_id", "role", "network_id", "scope_key")
                .values(
                    SQLBind(id.rawValue), SQLBind(assignment.role.rawValue), SQLBind(network?.rawValue),
                    SQLBind(network?.rawValue ?? "region")
                )
                .run()
        }
        if !previous.isSubset(of: roles) { try await endAllSessions(of: id, on: db) }
        try await DirectoryVersion.raise(on: db)
    }

    /// Users holding `role` in `network`, e.g. the network's directors.
    public static func users(with role: Role, in network: NetworkID, on db: any SQLDatabase) async throws
        -> [UserAccount]
    {
        try await users(withAnyOf: [role], in: network, on: db).map(\.user)
    }

    /// Users holding any of `roles` in `network`, once per role they hold there, by name.
    public static func users(withAnyOf roles: [Role], in network: NetworkID, on db: any SQLDatabase) async throws
        -> [(user: UserAccount, role: Role)]
    {
        struct Held: Decodable { let heldRole: String }
        let rows = try await db.select().columns(columns.map { SQLColumn($0, table: "users") })
            .column(SQLColumn("role", table: "user_roles"), as: "held_role").from("users")
            .join("user_roles", on: SQLColumn("user_id", table: "user_roles"), .equal, SQLColumn("id", table: "users"))
            .where(SQLColumn("role", table: "user_roles"), .in, SQLBind.group(roles.map(\.rawValue)))
            .where(SQLColumn("network_id", table: "user_roles"), .equal, SQLBind(network.rawValue)).all()
        return try rows.compactMap { row in
            let user = try row.decode(model: Row.self, keyDecodingStrategy: .snakeCase).user
            let held = try row.decode(model: Held.self, keyDecodingStrategy: .snakeCase).heldRole
            return Role(rawValue: held).map { (user, $0) }
        }
        .sorted { $0.user.name < $1.user.name }
    }
}
