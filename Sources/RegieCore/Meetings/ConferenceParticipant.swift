/// Someone invited to a case conference: a partner worker (a user), a shell partner such as a GP or a school,
/// a household member, or someone from the household's informal network. Attendance is recorded afterwards.
public struct ConferenceParticipant: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case worker
        case shellPartner = "shell_partner"
        case member
        case informal

        public var textKey: String { "participant_kind.\(rawValue)" }
    }

    public let kind: Kind
    /// The user id for workers, the person id for members; empty for the others.
    public let reference: String
    public let name: String

    public init(kind: Kind, reference: String, name: String) {
        self.kind = kind
        self.reference = reference
        self.name = name
    }
}
