/// The coordination decision (coördinatiebesluit) that ends the information round: coordinate the household's
/// care in the network — a case starts — or refer it on properly ("goed doorverwijzen").
public struct CoordinationDecision: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        case openCase = "open_case"
        case referOn = "refer_on"

        /// The timeline event; `case.opened` makes the household an active case.
        public var eventKind: String { self == .openCase ? "case.opened" : "coordination.referred" }
        public var textKey: String { "coordination_outcome.\(rawValue)" }
    }

    public var outcome: Outcome
    public var referredTo: String
    public var reason: String

    public init(outcome: Outcome, referredTo: String = "", reason: String = "") {
        self.outcome = outcome
        self.referredTo = referredTo
        self.reason = reason
    }

    public var problems: [String: String] {
        var problems: [String: String] = [:]
        if outcome == .referOn && referredTo.trimmed.isEmpty { problems["referredTo"] = "error.triage_refer_to" }
        if reason.trimmed.isEmpty { problems["reason"] = "error.coordination_reason" }
        return problems
    }
}
