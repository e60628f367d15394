/// The agenda of a network meeting, built by the profile's rule from recorded facts (BRIEF.md "Meetings"):
/// households that need discussion — or, in Leeuwarden, every open case — with the time per case.
public enum NetworkMeetingAgenda {
    /// Why a household is on the agenda.
    public enum Reason: String, Sendable, Hashable, CaseIterable, Comparable {
        /// A signal waits for the eligibility or coordination decision.
        case decisionDue = "decision_due"
        /// An open case has no case director yet.
        case directorMissing = "director_missing"
        /// A concept plan waits for adoption.
        case planToAdopt = "plan_to_adopt"
        /// A commitment was declined or is overdue.
        case commitmentAttention = "commitment_attention"
        /// An escalation waits for a decision.
        case escalated
        /// Care has stalled (StallDetection).
        case stalled
        /// The adopted plan is due for its periodic report or evaluation.
        case evaluationDue = "evaluation_due"
        /// On the agenda because the network discusses every open case.
        case openCase = "open_case"

        public var textKey: String { "agenda_reason.\(rawValue)" }

        public static func < (lhs: Self, rhs: Self) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// What the agenda needs to know about one household in the network.
    public struct Case: Sendable, Hashable {
        public let household: HouseholdID
        public let reference: String
        public let phase: CasePhase
        public let reasons: Set<Reason>

        public init(household: HouseholdID, reference: String, phase: CasePhase, reasons: Set<Reason>) {
            self.household = household
            self.reference = reference
            self.phase = phase
            self.reasons = reasons
        }
    }

    public struct Item: Sendable, Hashable {
        public let household: HouseholdID
        public let reference: String
        public let reasons: [Reason]
    }

    /// The items in discussion order (most pressing reason first), and the minutes available per item.
    public static func build(rule: WorkflowProfile.AgendaRule, cases: [Case], duration minutes: Int)
        -> (items: [Item], minutesPerCase: Int?)
    {
        let open: Set<CasePhase> = [.intake, .informationRound, .active]
        let items: [Item] = cases.compactMap { item in
            var reasons = item.reasons
            if rule == .allOpenCases && open.contains(item.phase) && reasons.isEmpty { reasons.insert(.openCase) }
            guard !reasons.isEmpty else { return nil }
            return Item(household: item.household, reference: item.reference, reasons: reasons.sorted())
        }
        .sorted { ($0.reasons[0], $0.reference) < ($1.reasons[0], $1.reference) }
        return (items, items.isEmpty ? nil : minutes / items.count)
    }
}
