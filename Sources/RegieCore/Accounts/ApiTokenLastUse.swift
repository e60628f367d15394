import Foundation

extension ApiToken {
    /// How precisely a token's last use is kept. The account page shows it to the minute, so recording every call
    /// would only add a write transaction to each API call — which, on SQLite's single writer, halves intake.
    public static let lastUseGranularity: TimeInterval = 60

    /// Whether a call at `moment` should record itself as the token's last use.
    public func lastUseIsStale(at moment: Date) -> Bool {
        guard let lastUsedAt else { return true }
        return moment.timeIntervalSince(lastUsedAt) >= Self.lastUseGranularity || moment < lastUsedAt
    }
}
