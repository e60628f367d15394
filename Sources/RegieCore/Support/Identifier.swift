import Foundation

/// A typed identifier, stored as a lower-case UUID string so that SQLite and PostgreSQL hold the same text.
///
/// The phantom `Tag` keeps a household id from being passed where a user id is expected.
public struct Identifier<Tag>: Hashable, Sendable, Codable, CustomStringConvertible, RawRepresentable {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// A fresh identifier, time-ordered (`TimeOrderedID`) so that new rows go to the end of the indexes holding it.
    public init() { self.rawValue = TimeOrderedID.make() }

    /// Accepts only well-formed UUIDs, for ids that arrive in URLs and API bodies.
    public init?(validating text: String) {
        guard let uuid = UUID(uuidString: text) else { return nil }
        self.rawValue = uuid.uuidString.lowercased()
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

public enum OrganisationTag {}
public enum NetworkTag {}
public enum UserTag {}
public enum HouseholdTag {}

public typealias OrganisationID = Identifier<OrganisationTag>
public typealias NetworkID = Identifier<NetworkTag>
public typealias UserID = Identifier<UserTag>
public typealias HouseholdID = Identifier<HouseholdTag>
