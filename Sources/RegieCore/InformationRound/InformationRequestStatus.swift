/// Where one partner's answer in the information round stands, derived from the dates: asked, due, answered.
public enum InformationRequestStatus: String, Sendable, Hashable {
    case answered
    case open
    /// Not answered and past the due day: the director sees it as a non-reply.
    case overdue

    public static func of(answered: Bool, due: Day, today: Day) -> InformationRequestStatus {
        if answered { return .answered }
        return today > due ? .overdue : .open
    }

    public var textKey: String { "information_status.\(rawValue)" }
}
