import Foundation
import RegieCore
import RegieStore

/// Creating and changing organisations, networks and users, with validation and an admin-log entry in
/// the same transaction. The admin UI, the CLI and the demo loader all go through here.
public struct AccountService: Sendable {
    public let database: RegieDatabase
    public let hasher: PasswordHasher

    public init(database: RegieDatabase, hasher: PasswordHasher) {
        self.database = database
        self.hasher = hasher
    }

    /// Input for a new or changed user.
    public struct UserInput: Sendable {
        public var name: String
        public var email: String
        public var organisation: OrganisationID?
        public var password: String?
        public var roles: Set<RoleAssignment>
        public var locale: String = "nl"
        public var active: Bool = true

        public init(
            name: String, email: String, organisation: OrganisationID?, password: String?,
            roles: Set<RoleAssignment>, locale: String = "nl", active: Bool = true
        ) {
            self.name = name
            self.email = email
            self.organisation = organisation
            self.password = password
            self.roles = roles
            self.locale = locale
            self.active = active
        }
    }

    private func validate(_ input: UserInput, passwordRequired: Bool) -> FieldErrors {
        var errors = FieldErrors()
        if input.name.trimmingCharacters(in: .whitespaces).isEmpty { errors.add("name", "error.required") }
        if !EmailAddress.isValid(EmailAddress.normalise(input.email)) { errors.add("email", "error.email_invalid") }
        if input.organisation == nil { errors.add("organisation", "error.required") }
        if let password = input.password, !password.isEmpty || passwordRequired {
            if let problem = PasswordPolicy.problem(with: password, email: input.email) {
                errors.add("password", problem)
            }
        } else if passwordRequired {
            errors.add("password", "error.required")
        }
        if !Translations.locales.contains(input.locale) { errors.add("locale", "error.invalid_choice") }
        if input.roles.contains(where: { $0.role.isNetworkScoped && $0.network == nil }) {
            errors.add("roles", "error.role_needs_network")
        }
        return errors
    }

    public func createUser(_ input: UserInput, by actor: UserID?) async throws -> UserAccount {
        try validate(input, passwordRequired: true).check()
        let hash = try await hasher.hash(input.password ?? "")
        let user = UserAccount(
            name: input.name.trimmingCharacters(in: .whitespaces), email: input.email,
            organisation: input.organisation!, locale: input.locale, active: input.active)
        do {
            try await database.write { db in
                guard try await OrganisationStore.find(user.organisation, on: db) != nil else {
                    throw FieldErrors("organisation", "error.invalid_choice")
                }
                try await UserStore.insert(user, passwordHash: hash, on: db)
                try await UserStore.setRoles(user.id, input.roles, on: db)
                try await AdminLogStore.append(
                    actor: actor, entity: "user", entityID: user.id.rawValue, action: "created",
                    details: "\(user.email); rollen: \(Self.describe(input.roles))", on: db)
            }
        } catch StoreError.duplicate(field: "email") {
            throw FieldErrors("email", "error.email_taken")
        }
        return try await UserStore.find(user.id, on: database.sql) ?? user
    }

    public func updateUser(_ id: UserID, _ input: UserInput, by actor: UserID?) async throws {
        try validate(input, passwordRequired: false).check()
        let hash = try await input.password.flatMap { $0.isEmpty ? nil : $0 }.asyncMap { try await hasher.hash($0) }
        do {
            try await database.write { db in
                guard var user = try await UserStore.find(id, on: db) else { throw StoreError.notFound("user") }
                user.name = input.name
                user.email = input.email
                user.organisation = input.organisation!
                user.locale = input.locale
                user.active = input.active
                try await UserStore.update(user, on: db)
                try await UserStore.setRoles(id, input.roles, on: db)
                if let hash { try await UserStore.setPassword(id, hash: hash, on: db) }
                try await AdminLogStore.append(
                    actor: actor, entity: "user", entityID: id.rawValue, action: "updated",
                    details: "\(user.email); actief: \(user.active); rollen: \(Self.describe(input.roles))"
                        + (hash == nil ? "" : "; wachtwoord gewijzigd"), on: db)
            }
        } catch StoreError.duplicate(field: "email") {
            throw FieldErrors("email", "error.email_taken")
        }
    }

    public func createOrganisation(name: String, kind: OrganisationKind, by actor: UserID?) async throws
        -> Organisation
    {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw FieldErrors("name", "error.required") }
        let organisation = Organisation(name: trimmed, kind: kind)
        do {
            try await database.write { db in
                try await OrganisationStore.insert(organisation, on: db)
                try await AdminLogStore.append(
                    actor: actor, entity: "organisation", entityID: organisation.id.rawValue, action: "created",
                    details: "\(trimmed) (\(kind.rawValue))", on: db)
            }
        } catch StoreError.duplicate {
            throw FieldErrors("name", "error.name_taken")
        }
        return organisation
    }

    public func updateOrganisation(_ organisation: Organisation, by actor: UserID?) async throws {
        guard !organisation.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw FieldErrors("name", "error.required")
        }
        do {
            try await database.write { db in
                try await OrganisationStore.update(organisation, on: db)
                try await AdminLogStore.append(
                    actor: actor, entity: "organisation", entityID: organisation.id.rawValue, action: "updated",
                    details: "\(organisation.name) (\(organisation.kind.rawValue)); actief: \(organisation.active)",
                    on: db)
            }
        } catch StoreError.duplicate {
            throw FieldErrors("name", "error.name_taken")
        }
    }

    /// Creates or updates a network with its member organisations in one transaction.
    public func saveNetwork(
        _ network: Network, members: [NetworkMember], isNew: Bool, profiles: ProfileLibrary,
        by actor: UserID?
    ) async throws {
        var errors = FieldErrors()
        if network.name.trimmingCharacters(in: .whitespaces).isEmpty { errors.add("name", "error.required") }
        if network.municipality.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.add("municipality", "error.required")
        }
        if profiles.profile(for: network) == nil { errors.add("profile", "error.invalid_choice") }
        if !RetentionRule.allowedYears.contains(network.retentionYears) {
            errors.add("retentionYears", "error.retention_years")
        }
        try errors.check()
        do {
            try await database.write { db in
                if isNew {
                    try await NetworkStore.insert(network, on: db)
                } else {
                    try await NetworkStore.update(network, on: db)
                }
                let wanted = Set(members.map(\.organisation))
                for existing in try await NetworkStore.members(of: network.id, on: db)
                where !wanted.contains(existing.organisation) {
                    try await NetworkStore.removeMember(
                        network: network.id, organisation: existing.organisation, on: db)
                }
                for member in members { try await NetworkStore.setMember(member, on: db) }
                try await AdminLogStore.append(
                    actor: actor, entity: "network", entityID: network.id.rawValue,
                    action: isNew ? "created" : "updated",
                    details:
                        "\(network.name); profiel \(network.profileCode) met \(network.profileOverrides.count) aanpassingen; "
                        + "\(members.count) partners", on: db)
            }
        } catch StoreError.duplicate {
            throw FieldErrors("name", "error.name_taken")
        }
    }

    static func describe(_ roles: Set<RoleAssignment>) -> String {
        roles.map { "\($0.role.rawValue)@\($0.network?.rawValue ?? "regio")" }.sorted().joined(separator: ", ")
    }
}

extension Optional {
    /// `map` for async transforms.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
