/// How closely an organisation takes part in a network (seed-000 §2: kernpartners and schilpartners).
public enum PartnerType: String, Sendable, Codable, CaseIterable {
    /// Sits in the network meetings and shares in every case.
    case core
    /// Is called in for a case when needed (GP, school).
    case shell

    public var textKey: String { "partner_type.\(rawValue)" }
}
