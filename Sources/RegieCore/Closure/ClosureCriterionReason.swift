/// The closure reason that meets a network's closure criterion, so the closure form starts with the reason the
/// network normally closes with (Rotterdam: in regular care, with a director there). The professional can still
/// choose another reason — a household that moves or refuses is closed for that reason.
extension ClosureReason {
    public static func meeting(_ criterion: WorkflowProfile.ClosureCriterion) -> ClosureReason {
        switch criterion {
        case .inRegularCare: return .regularCare
        case .selfReliant: return .selfReliant
        case .problemsReduced, .solvedOrManageable: return .goalsReached
        }
    }
}
