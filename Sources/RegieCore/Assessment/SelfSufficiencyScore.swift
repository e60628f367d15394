/// A score on the 1–5 self-sufficiency scale (zelfredzaamheid) used in the life-domain scan (BRIEF.md step 4).
public enum SelfSufficiencyScore: Int, Sendable, Codable, CaseIterable, Comparable {
    case acute = 1
    case notSelfReliant = 2
    case barelySelfReliant = 3
    case sufficientlySelfReliant = 4
    case fullySelfReliant = 5

    /// Scores 1 and 2 are problems the plan must answer (the completeness rule).
    public var needsGoal: Bool { rawValue <= 2 }

    public var textKey: String { "score.\(rawValue)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
