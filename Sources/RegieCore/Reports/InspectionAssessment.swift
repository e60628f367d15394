/// The self-assessment against the inspection framework: per indicator ✓ or ✗ with its evidence, computed from the
/// network's facts or taken from the network's recorded answer. Without data or an answer an indicator is open.
public struct InspectionAssessment: Sendable {
    /// A network's recorded answer to an indicator that the data cannot show.
    public struct RecordedAnswer: Sendable, Hashable {
        public let met: Bool
        public let on: Day
        public let document: String
        public let note: String

        public init(met: Bool, on: Day, document: String, note: String) {
            self.met = met
            self.on = on
            self.document = document
            self.note = note
        }
    }

    /// The evidence behind a finding: a text key with its values, or a recorded answer.
    public enum Evidence: Sendable, Hashable {
        case figures(key: String, values: [String])
        case answer(RecordedAnswer)
        case missing
    }

    public struct Finding: Sendable, Hashable {
        public let indicator: InspectionFramework.Indicator
        /// ✓ (`true`), ✗ (`false`) or open (`nil`: no data, no answer).
        public let met: Bool?
        public let evidence: Evidence
    }

    public let findings: [Finding]

    /// Assesses `facts` of the network over `period`, with the organisation kinds connected to the network, whether
    /// the profile has escalation ladders, and the recorded answers by indicator key.
    public init(
        facts: [FigureFacts], period: ReportPeriod, partnerKinds: Set<OrganisationKind>, laddersArranged: Bool,
        answers: [String: RecordedAnswer]
    ) {
        let computed = Self.computed(
            facts, period: period, partnerKinds: partnerKinds, laddersArranged: laddersArranged)
        findings = InspectionFramework.indicators.map { indicator in
            switch indicator.source {
            case .computed:
                let (met, evidence) = computed[indicator.key] ?? (nil, .missing)
                return Finding(indicator: indicator, met: met, evidence: evidence)
            case .recorded:
                guard let answer = answers[indicator.key] else {
                    return Finding(indicator: indicator, met: nil, evidence: .missing)
                }
                return Finding(indicator: indicator, met: answer.met, evidence: .answer(answer))
            }
        }
    }

    /// A share as ✓/✗ against a minimum percentage, with "x of y" as evidence; open when there is nothing to count.
    private static func share(_ part: Int, of whole: Int, minimum: Int, key: String) -> (Bool?, Evidence) {
        guard whole > 0 else { return (nil, .figures(key: "inspection.evidence.none", values: [])) }
        return (part * 100 >= minimum * whole, .figures(key: key, values: [String(part), String(whole)]))
    }

    private static func computed(
        _ facts: [FigureFacts], period: ReportPeriod, partnerKinds: Set<OrganisationKind>, laddersArranged: Bool
    ) -> [String: (Bool?, Evidence)] {
        let signals = facts.flatMap(\.signals).filter { period.contains($0.receivedOn) }
        let active = facts.filter { $0.phase == .active }
        let plans = facts.compactMap(\.planComplete)
        let closures = facts.flatMap(\.closures).filter { period.contains($0.closedOn) }
        let refused = closures.filter { $0.reason == .refuses }
        let kinds = Set(signals.map(\.sourceKind))
        let escalations = facts.flatMap(\.escalations).filter { period.contains($0.raisedOn) }
        let due = facts.flatMap(\.closures).reduce(0) { $0 + $1.checksDue }
        let answered = facts.flatMap(\.closures).reduce(0) { $0 + $1.checksAnswered }
        let withPlan = facts.filter { $0.planComplete != nil }
        return [
            "area_known": share(
                signals.filter { !$0.neighbourhood.isEmpty }.count, of: signals.count,
                minimum: InspectionFramework.minimumAreaKnownPercent, key: "inspection.evidence.area_known"),
            "all_report": signals.isEmpty
                ? (nil, .figures(key: "inspection.evidence.none", values: []))
                : (
                    kinds.count >= InspectionFramework.minimumSourceKinds,
                    .figures(key: "inspection.evidence.all_report", values: [String(kinds.count)])
                ),
            "own_words": share(
                withPlan.filter(\.householdWords).count, of: withPlan.count,
                minimum: InspectionFramework.minimumOwnWordsPercent, key: "inspection.evidence.own_words"),
            "informal_network": share(
                active.filter(\.informalNetwork).count, of: active.count,
                minimum: InspectionFramework.minimumInformalNetworkPercent, key: "inspection.evidence.informal_network"),
            "one_director": share(
                active.filter { $0.currentDirector != nil }.count, of: active.count, minimum: 100,
                key: "inspection.evidence.one_director"),
            "one_plan": share(
                active.filter { $0.firstAdoptedOn != nil }.count, of: active.count,
                minimum: InspectionFramework.minimumPlanPercent, key: "inspection.evidence.one_plan"),
            "plan_complete": share(
                plans.filter { $0 }.count, of: plans.count, minimum: 100, key: "inspection.evidence.plan_complete"),
            "not_let_go": (
                refused.allSatisfy(\.followUpRecorded),
                .figures(
                    key: "inspection.evidence.not_let_go",
                    values: [String(refused.filter(\.followUpRecorded).count), String(refused.count)])
            ),
            "escalation_arranged": (
                laddersArranged,
                .figures(
                    key: "inspection.evidence.escalation_arranged",
                    values: [String(escalations.count), String(escalations.filter(\.decided).count)])
            ),
            "education_connected": (
                partnerKinds.contains(.school),
                .figures(
                    key: partnerKinds.contains(.school)
                        ? "inspection.evidence.education_yes" : "inspection.evidence.education_no", values: [])
            ),
            "care_continues": share(
                closures.filter { InspectionFramework.solvedReasons.contains($0.reason) }.count, of: closures.count,
                minimum: InspectionFramework.minimumSolvedClosurePercent, key: "inspection.evidence.care_continues"),
            "aftercare_arranged": share(
                answered, of: due, minimum: InspectionFramework.minimumAftercarePercent,
                key: "inspection.evidence.aftercare_arranged"),
        ]
    }
}
