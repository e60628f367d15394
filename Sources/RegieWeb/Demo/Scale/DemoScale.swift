/// The sizes of a generated region for measuring Regie (issue 9): `klein` for a quick look, `regio` for a region
/// with tens of networks and years of history, `groot` for the growth curve.
public enum DemoScale: String, Sendable, CaseIterable {
    case klein, regio, groot

    public var households: Int {
        switch self {
        case .klein: 1_000
        case .regio: 100_000
        case .groot: 1_000_000
        }
    }

    public var networks: Int {
        switch self {
        case .klein: 7
        case .regio: 40
        case .groot: 400
        }
    }

    /// Per network: one network director, a fifth case directors, the rest partner workers.
    public var usersPerNetwork: Int { self == .klein ? 6 : 50 }
}
