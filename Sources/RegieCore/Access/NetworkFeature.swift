/// A network-wide page or function — not about one household — and who may use it. Decided here, beside the
/// household policy, so the menu, the routes and the authorisation matrix all read the same rule.
public enum NetworkFeature: String, Sendable, CaseIterable {
    /// Bring in a signal and ask "who is involved" (no content).
    case signal
    /// The signal list with the eligibility norm.
    case signalList = "signal_list"
    /// The list of open cases and the directors' caseloads.
    case caseList = "case_list"
    /// Planning network meetings and their agendas.
    case networkMeetings = "network_meetings"
    /// Reviewing break-glass accesses.
    case breakGlassReview = "break_glass_review"
    /// Accepting or declining warm hand-overs to the network.
    case handovers
    /// The management figures of the network or region (aggregates only).
    case figures
    /// The list of cases behind a figure: household references, process facts only.
    case figureCases = "figure_cases"
    /// Figures with small numbers shown as they are; everyone else who sees figures gets them protected.
    case exactFigures = "exact_figures"
    /// The inspection self-assessment, and recording the network's answers (directors only).
    case inspection
    case inspectionAnswers = "inspection_answers"
    /// The register of policy signals (aggregated for the municipality), raising one, and the municipality's answer.
    case policySignals = "policy_signals"
    case raisePolicySignal = "raise_policy_signal"
    case answerPolicySignal = "answer_policy_signal"
    /// Signals and cases per area (always protected against small numbers), and marking an area for a collective
    /// approach.
    case neighbourhoods
    case markNeighbourhood = "mark_neighbourhood"
    /// The care-purchase budget with its balance and spendings, and setting the yearly amount (the municipality).
    case careBudget = "care_budget"
    case setCareBudget = "set_care_budget"

    /// The roles in the network that may use the feature.
    public var roles: Set<Role> {
        switch self {
        case .signal: return [.networkDirector, .caseDirector, .partnerWorker, .supportStaff]
        case .signalList, .networkMeetings: return [.networkDirector, .supportStaff]
        case .caseList: return [.networkDirector, .supportStaff, .caseDirector, .processManager]
        case .breakGlassReview, .handovers, .inspectionAnswers: return [.networkDirector]
        case .figures: return [.networkDirector, .processManager, .policyOfficer]
        case .figureCases, .exactFigures: return [.networkDirector, .processManager]
        case .inspection: return [.networkDirector, .policyOfficer]
        case .policySignals: return [.networkDirector, .caseDirector, .processManager, .policyOfficer]
        case .raisePolicySignal: return [.networkDirector, .caseDirector]
        case .answerPolicySignal: return [.policyOfficer]
        case .neighbourhoods: return [.networkDirector, .processManager, .policyOfficer]
        case .markNeighbourhood: return [.networkDirector, .policyOfficer]
        case .careBudget: return [.networkDirector, .processManager, .policyOfficer]
        case .setCareBudget: return [.policyOfficer]
        }
    }
}

extension AccessPolicy {
    /// Whether someone with `roles` in a network may use `feature` there.
    public static func mayUse(_ feature: NetworkFeature, roles: Set<Role>) -> Bool {
        !roles.isDisjoint(with: feature.roles)
    }
}
