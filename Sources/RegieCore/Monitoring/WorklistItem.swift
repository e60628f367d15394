/// One thing that needs a user now, derived from recorded facts and the profile's norms (BRIEF.md steps 1–9):
/// what it is, which household (by reference only), why, and since when.
public struct WorklistItem: Sendable, Hashable {
    /// The kinds of work, in the order the worklist shows them (most pressing first).
    public enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
        case escalationDecision = "escalation_decision"
        case breakGlassReview = "break_glass_review"
        case signalDecision = "signal_decision"
        case handoverOffer = "handover_offer"
        case directorMissing = "director_missing"
        case informationRequest = "information_request"
        case commitmentAnswer = "commitment_answer"
        case commitmentDone = "commitment_done"
        case stalled
        case reportDue = "report_due"
        case firstContactDue = "first_contact_due"
        case progressTalkDue = "progress_talk_due"
        case evaluationDue = "evaluation_due"
        case aftercareCheckDue = "aftercare_check_due"
        case relapse

        public var textKey: String { "worklist.kind.\(rawValue)" }

        public static func < (lhs: Self, rhs: Self) -> Bool { ranks[lhs]! < ranks[rhs]! }

        /// Positions in `allCases`, looked up once: a region's worklist orders thousands of items per request.
        private static let ranks = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
    }

    public let kind: Kind
    /// The page to open for the work.
    public let link: String
    /// The household's reference (a case number, or a client number in pseudonymised networks).
    public let reference: String
    /// The translation key of why the item is there, and values for its placeholders.
    public let why: String
    public let whyValues: [String]
    public let since: Day
    public let due: Day?

    public init(
        kind: Kind, link: String, reference: String, why: String, whyValues: [String] = [], since: Day, due: Day?
    ) {
        self.kind = kind
        self.link = link
        self.reference = reference
        self.why = why
        self.whyValues = whyValues
        self.since = since
        self.due = due
    }

    /// Whether the item's due day has passed on `today`.
    public func isOverdue(today: Day) -> Bool { due.map { $0 < today } ?? false }

    /// Items in worklist order: by kind, then the oldest first.
    public static func ordered(_ items: [WorklistItem]) -> [WorklistItem] { items.sorted(by: precedes) }

    /// Worklist order: by kind, then the oldest first.
    public static func precedes(_ first: WorklistItem, _ second: WorklistItem) -> Bool {
        (first.kind, first.since, first.reference) < (second.kind, second.since, second.reference)
    }

}
