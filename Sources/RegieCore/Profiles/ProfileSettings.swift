/// What a network's profile is made of: the profile's code and the administrator's overrides. Norms, ladders and
/// aftercare moments follow from it, so what is derived with a network's profile and kept (overview rows, worklists,
/// figures) is kept under it: a norm changed on the network form shows on the next page, not the next day.
public struct ProfileSettings: Hashable, Sendable {
    public let code: String
    public let overrides: ProfileOverrides

    public init(code: String, overrides: ProfileOverrides) {
        self.code = code
        self.overrides = overrides
    }
}

extension Network {
    /// The settings the network's profile is made of now.
    public var profileSettings: ProfileSettings { ProfileSettings(code: profileCode, overrides: profileOverrides) }
}
