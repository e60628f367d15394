/// A value that exists only as checked text (a BSN, a postcode) and is exchanged as that text.
///
/// Decoding refuses text that fails the check, so an API body cannot smuggle in an invalid value.
public protocol CheckedText: Codable, Hashable, Sendable, CustomStringConvertible {
    init?(_ text: String)
    /// The normalised text.
    var text: String { get }
}

extension CheckedText {
    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(raw) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "Not a valid \(Self.self): \(raw)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
