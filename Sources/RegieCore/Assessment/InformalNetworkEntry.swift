/// A strength of the household or a person in its informal network (BRIEF.md step 4; inspection theme
/// "Gezin centraal": own strength and social network used).
public struct InformalNetworkEntry: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case strength
        case family
        case neighbours
        case friends
        case faith
        case sports
        case other

        public var textKey: String { "network_kind.\(rawValue)" }
        /// Strengths are the household's own; the other kinds are people around it.
        public var isPerson: Bool { self != .strength }
    }

    public let kind: Kind
    public let name: String
    public let description: String

    public init(kind: Kind, name: String, description: String) {
        self.kind = kind
        self.name = name
        self.description = description
    }

    public var problems: [String: String] {
        var problems: [String: String] = [:]
        if kind.isPerson && name.trimmed.isEmpty { problems["networkName"] = "error.required" }
        if description.trimmed.isEmpty { problems["networkDescription"] = "error.required" }
        return problems
    }
}
