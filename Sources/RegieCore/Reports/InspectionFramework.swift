/// The inspection framework for care networks (Inspectie Gezondheidszorg en Jeugd et al., the Venlo report): five
/// themes, each with indicators. An indicator is computed from the data where the work records it, else answered
/// by the network with a date and a document reference. Thresholds for computed indicators are stated here, in one
/// place, so an inspector can read how ✓ is decided.
public enum InspectionFramework {
    public enum Theme: String, Sendable, CaseIterable {
        case toeleiding, gezinCentraal = "gezin_centraal", aanpak, samenwerking, continu

        public var textKey: String { "inspection.theme.\(rawValue)" }
    }

    /// How an indicator gets its ✓ or ✗.
    public enum Source: Sendable, Hashable {
        /// From the figures, with the threshold in percent (of the cases it is about) or in count.
        case computed
        /// Answered by the network with a date and a document reference (an agreement, a covenant, a policy).
        case recorded
    }

    public struct Indicator: Sendable, Hashable {
        public let key: String
        public let theme: Theme
        public let source: Source

        public var textKey: String { "inspection.indicator.\(key)" }
    }

    /// At least this many kinds of organisations signalled in the period ("all relevant parties report").
    public static let minimumSourceKinds = 3
    /// Share of signals with a known neighbourhood ("the municipality knows where the households live").
    public static let minimumAreaKnownPercent = 80
    /// Share of adopted plans with a goal in the household's own words, and of open cases with their informal
    /// network recorded ("own strength and social network used").
    public static let minimumOwnWordsPercent = 50
    public static let minimumInformalNetworkPercent = 50
    /// Share of open cases with an adopted plan ("one shared plan per household").
    public static let minimumPlanPercent = 90
    /// Share of closures because the problems are solved or manageable: goals reached, self-reliant, regular care
    /// ("care continues until the problems are solved or manageable").
    public static let minimumSolvedClosurePercent = 75
    public static let solvedReasons: Set<ClosureReason> = [.goalsReached, .selfReliant, .regularCare]
    /// Share of aftercare checks due that were answered ("follow-up arranged").
    public static let minimumAftercarePercent = 90

    public static let indicators: [Indicator] = [
        .init(key: "target_group", theme: .toeleiding, source: .recorded),
        .init(key: "area_known", theme: .toeleiding, source: .computed),
        .init(key: "where_to_report", theme: .toeleiding, source: .recorded),
        .init(key: "all_report", theme: .toeleiding, source: .computed),
        .init(key: "own_words", theme: .gezinCentraal, source: .computed),
        .init(key: "informal_network", theme: .gezinCentraal, source: .computed),
        .init(key: "policy_goals", theme: .aanpak, source: .recorded),
        .init(key: "one_director", theme: .aanpak, source: .computed),
        .init(key: "director_mandate", theme: .aanpak, source: .recorded),
        .init(key: "one_plan", theme: .aanpak, source: .computed),
        .init(key: "plan_complete", theme: .aanpak, source: .computed),
        .init(key: "not_let_go", theme: .aanpak, source: .computed),
        .init(key: "municipality_directs", theme: .samenwerking, source: .recorded),
        .init(key: "escalation_arranged", theme: .samenwerking, source: .computed),
        .init(key: "education_connected", theme: .samenwerking, source: .computed),
        .init(key: "cooperation_agreement", theme: .samenwerking, source: .recorded),
        .init(key: "information_covenant", theme: .samenwerking, source: .recorded),
        .init(key: "staff_mandated", theme: .samenwerking, source: .recorded),
        .init(key: "care_continues", theme: .continu, source: .computed),
        .init(key: "availability", theme: .continu, source: .recorded),
        .init(key: "aftercare_arranged", theme: .continu, source: .computed),
    ]

    public static func indicator(_ key: String) -> Indicator? { indicators.first { $0.key == key } }
}
