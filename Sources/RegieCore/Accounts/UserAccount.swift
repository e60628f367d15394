import Foundation

/// A professional who logs in to Regie. Credentials are kept apart, in the store only.
public struct UserAccount: Sendable, Codable, Hashable, Identifiable {
    public let id: UserID
    public var name: String
    /// Normalised e-mail address; the login name.
    public var email: String
    public var organisation: OrganisationID
    public var totpEnabled: Bool
    /// `nl` or `en`.
    public var locale: String
    public var active: Bool
    /// Set after repeated failed logins; the account cannot log in until then.
    public var lockedUntil: Date?
    /// Raised whenever sessions must end (password change, deactivation, role removal).
    public var authEpoch: Int
    public let createdAt: Date

    public init(
        id: UserID = UserID(), name: String, email: String, organisation: OrganisationID,
        totpEnabled: Bool = false, locale: String = "nl", active: Bool = true, lockedUntil: Date? = nil,
        authEpoch: Int = 0, createdAt: Date = Date()
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.organisation = organisation
        self.totpEnabled = totpEnabled
        self.locale = locale
        self.active = active
        self.lockedUntil = lockedUntil
        self.authEpoch = authEpoch
        self.createdAt = createdAt
    }
}

/// A token with which a partner system calls the JSON API on behalf of one user.
public struct ApiToken: Sendable, Codable, Hashable, Identifiable {
    public let id: String
    public let user: UserID
    public let name: String
    /// The first characters of the token, so a user can tell tokens apart without the secret.
    public let prefix: String
    public let createdAt: Date
    public let lastUsedAt: Date?
    public let revokedAt: Date?

    public init(
        id: String, user: UserID, name: String, prefix: String, createdAt: Date, lastUsedAt: Date?,
        revokedAt: Date?
    ) {
        self.id = id
        self.user = user
        self.name = name
        self.prefix = prefix
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }
}
