/// The eligibility / triage decision on a signal ("te behandelen melding?"), step 2 of the process.
///
/// The route map's triage looks at urgency, safety, all domains and all members; its outcome may be that no
/// professional help is needed at all (seed-002 steps 3–4).
public struct TriageDecision: Sendable, Hashable, Codable {
    /// What the network does with the signal.
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        /// For the network: investigate with the partners (information round), then decide on coordination.
        case coordinate
        /// Not for the network: refer on to another organisation or network.
        case referOn = "refer_on"
        /// Advice or information to the reporter is enough.
        case adviceOnly = "advice_only"
        /// No professional help is needed.
        case noHelpNeeded = "no_help_needed"

        /// The timeline event the decision writes; the phase follows from it.
        public var eventKind: String { "triage.\(rawValue)" }
        public var textKey: String { "triage_outcome.\(rawValue)" }
    }

    /// The safety check at intake (step 0 of the route map: safety at every step).
    public enum Safety: String, Sendable, Codable, CaseIterable {
        case safe
        case childrenUnsafe = "children_unsafe"
        case memberUnsafe = "member_unsafe"
        case unknown

        public var textKey: String { "triage_safety.\(rawValue)" }
    }

    public var outcome: Outcome
    public var urgency: SignalUrgency
    public var safety: Safety
    public var safetyNote: String
    /// Where the signal is referred to (organisation or network), for `referOn`.
    public var referredTo: String
    public var reason: String

    public init(
        outcome: Outcome, urgency: SignalUrgency, safety: Safety, safetyNote: String = "",
        referredTo: String = "", reason: String = ""
    ) {
        self.outcome = outcome
        self.urgency = urgency
        self.safety = safety
        self.safetyNote = safetyNote
        self.referredTo = referredTo
        self.reason = reason
    }

    /// Problems per field as translation keys; a decision without problems may be recorded.
    public var problems: [String: String] {
        var problems: [String: String] = [:]
        if outcome == .referOn && referredTo.trimmed.isEmpty { problems["referredTo"] = "error.triage_refer_to" }
        if outcome != .coordinate && reason.trimmed.isEmpty { problems["reason"] = "error.triage_reason" }
        if (safety == .childrenUnsafe || safety == .memberUnsafe) && safetyNote.trimmed.isEmpty {
            problems["safetyNote"] = "error.triage_safety_note"
        }
        return problems
    }
}
