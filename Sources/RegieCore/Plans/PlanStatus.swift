/// Where a plan version stands: concept → adopted → revised (BRIEF.md step 5). A revision is a new concept
/// version; when it is adopted the version before it becomes `revised`. Versions are never deleted.
public enum PlanStatus: String, Sendable, Codable, CaseIterable {
    case concept
    case adopted
    /// Replaced by a later adopted version; kept as it was.
    case revised

    public var textKey: String { "plan_status.\(rawValue)" }

    /// Only a concept can still be edited.
    public var isEditable: Bool { self == .concept }
}
