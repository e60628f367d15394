/// A reopened case starts a new plan; the goals of the plan it was closed with can be taken over into the new
/// concept, so the director and the household pick up where they stopped instead of typing them again.
///
/// What comes over is the version that was in force (or, for a plan closed before adoption, its newest version):
/// each goal with its domain, description, the household's own words and target day, for the members still in the
/// household. A goal none of whose members is left stays behind. Every goal gets a new key: the commitments of the
/// earlier episode served the old plan and stay with it (`CaseMonitor` counts only the new episode's).
public enum PlanCarryOver {
    /// The goals to start the new concept with, in their old order.
    /// - Parameters:
    ///   - versions: the closed plan's versions, in any order.
    ///   - members: the ids of the household's members now.
    ///   - newKey: makes a fresh goal key.
    public static func goals(
        from versions: [(status: PlanStatus, number: Int, goals: [PlanGoal])], members: Set<String>,
        newKey: () -> String
    ) -> [PlanGoal] {
        let source =
            versions.first { $0.status == .adopted } ?? versions.max { $0.number < $1.number }
        return (source?.goals ?? []).compactMap { goal in
            let persons = goal.persons.filter(members.contains)
            guard !persons.isEmpty else { return nil }
            return PlanGoal(
                key: newKey(), domain: goal.domain, persons: persons, description: goal.description,
                householdWords: goal.householdWords, targetOn: goal.targetOn)
        }
    }
}
