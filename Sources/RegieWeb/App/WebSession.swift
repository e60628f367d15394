/// What a browser session remembers. Stored server-side; the cookie holds only a random key.
public struct WebSession: Codable, Sendable {
    /// How far the login has come.
    public enum Stage: String, Codable, Sendable {
        /// Password accepted; a TOTP code is still needed.
        case awaitingCode = "awaiting_code"
        /// Password accepted, but the user must set up TOTP before going anywhere else.
        case mustEnrol = "must_enrol"
        /// Fully logged in.
        case complete
    }

    public var userID: String
    public var stage: Stage
    /// The user's `authEpoch` at login; a higher epoch in the database ends this session.
    public var epoch: Int
    /// The network the user last chose in the switcher.
    public var networkID: String?
    /// The user `userID` names, read in the same statement as the session (`DatabaseSessionDriver`) for
    /// `SessionUserMiddleware` to check; `nil` when no such user exists. Never stored: it is read afresh on every
    /// request.
    public var user: SignedInUser? = nil

    private enum CodingKeys: String, CodingKey {
        case userID, stage, epoch, networkID
    }
}
