/// A family's level on the network's pyramid (Amsterdam gezinsniveau 0–4, seed-003 §2.3): set by the coordinator,
/// moved up (escaleren) and down (deëscaleren) as measures and nuisance come and go, with its history kept. The
/// level decides who keeps the process in view: from MPG2 up the procesmanager (seed-003 §3.5, requirement 6–7).
public struct FamilyLevelHistory: Sendable {
    /// One recorded level.
    public struct Change: Sendable, Hashable {
        public let level: Int
        public let on: Day
        public let reason: String
        public let byName: String
        public let recordedAt: Int64

        public init(level: Int, on: Day, reason: String, byName: String, recordedAt: Int64) {
            self.level = level
            self.on = on
            self.reason = reason
            self.byName = byName
            self.recordedAt = recordedAt
        }
    }

    /// How a change moved the family.
    public enum Direction: String, Sendable {
        case first, up, down
    }

    /// The changes in the order they were recorded.
    public let changes: [Change]

    public init(_ changes: [Change]) { self.changes = changes.sorted { $0.recordedAt < $1.recordedAt } }

    /// The level now; `nil` before the first one was set.
    public var current: Change? { changes.last }

    /// Whether the change at `index` was the first level, a move up or a move down.
    public func direction(at index: Int) -> Direction {
        guard index > 0 else { return .first }
        return changes[index].level > changes[index - 1].level ? .up : .down
    }

    /// The role responsible for the process on `level` in `profile`.
    public static func responsible(for level: Int, in profile: WorkflowProfile) -> Role {
        profile.familyLevels.first { $0.level == level }?.responsibleRole ?? .networkDirector
    }

    /// Whether moving from `previous` to `level` hands the process to a different role, who must be told.
    public static func handsOver(from previous: Int?, to level: Int, in profile: WorkflowProfile) -> Bool {
        previous.map { responsible(for: $0, in: profile) } != responsible(for: level, in: profile)
    }

    /// The field problems of a new level: one of the profile's levels, other than the current one, a reason and a
    /// day that is not in the future.
    public func problems(level: Int?, reason: String, on day: Day?, today: Day, profile: WorkflowProfile)
        -> [String: String]
    {
        var problems: [String: String] = [:]
        if let level, !profile.familyLevels.contains(where: { $0.level == level }) {
            problems["familyLevel"] = "error.invalid_choice"
        } else if level == nil {
            problems["familyLevel"] = "error.invalid_choice"
        } else if level == current?.level {
            problems["familyLevel"] = "error.family_level_same"
        }
        if reason.trimmed.isEmpty { problems["familyLevelReason"] = "error.required" }
        if let day, day > today { problems["familyLevelOn"] = "error.date_future" }
        if day == nil { problems["familyLevelOn"] = "error.date_invalid" }
        return problems
    }
}
