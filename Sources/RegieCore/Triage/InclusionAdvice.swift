/// The advisory inclusion rule (Enschede: problems on at least 3 life domains). It is shown to the
/// deciding director, never enforced: "inclusion criteria also exclude" (seed-000 §5.1).
public enum InclusionAdvice {
    /// `true` when the signal meets the profile's threshold, `false` when it does not, `nil` without a threshold.
    public static func meetsThreshold(domains: Set<String>, profile: WorkflowProfile) -> Bool? {
        profile.advisoryInclusionDomains.map { domains.count >= $0 }
    }
}
