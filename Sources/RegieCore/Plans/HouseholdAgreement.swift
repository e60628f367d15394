/// The household's answer to its plan: agreed, not agreed, or partly — with the day and how it was given
/// (in the conference, at home, by phone). A plan is made with the household, so it is always recorded.
public struct HouseholdAgreement: Sendable, Hashable, Codable {
    public enum Answer: String, Sendable, Codable, CaseIterable {
        case agreed
        case notAgreed = "not_agreed"
        case partly

        public var textKey: String { "agreement.\(rawValue)" }
    }

    public let answer: Answer
    public let on: Day
    public let how: String

    public init(answer: Answer, on: Day, how: String) {
        self.answer = answer
        self.on = on
        self.how = how
    }

    /// Not agreeing, or only partly, needs what the household does not agree with.
    public var problems: [String: String] {
        var problems: [String: String] = [:]
        if how.trimmed.isEmpty {
            problems["agreementHow"] = answer == .agreed ? "error.required" : "error.agreement_how"
        }
        return problems
    }
}
