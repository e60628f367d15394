import Foundation

/// One recorded score: a member, a life domain, a day and who assessed. Scores are never overwritten;
/// a new assessment adds scores and the history shows the change.
public struct DomainScore: Sendable, Hashable, Codable {
    public let person: String
    public let domain: String
    public let score: SelfSufficiencyScore
    public let assessedOn: Day
    public let assessor: String

    public init(person: String, domain: String, score: SelfSufficiencyScore, assessedOn: Day, assessor: String) {
        self.person = person
        self.domain = domain
        self.score = score
        self.assessedOn = assessedOn
        self.assessor = assessor
    }
}

/// All scores of a household, read as a history: the latest per member and domain, and the series over time.
public struct ScoreHistory: Sendable {
    public let scores: [DomainScore]

    public init(_ scores: [DomainScore]) {
        self.scores = scores.sorted { $0.assessedOn < $1.assessedOn }
    }

    /// The latest score per member and domain (a later day wins; on one day the last recorded).
    public var latest: [String: [String: DomainScore]] {
        var result: [String: [String: DomainScore]] = [:]
        for score in scores { result[score.person, default: [:]][score.domain] = score }
        return result
    }

    /// The days on which anything was scored, oldest first.
    public var days: [Day] { Array(Set(scores.map(\.assessedOn))).sorted() }

    /// One member's scores on one domain, oldest first.
    public func series(person: String, domain: String) -> [DomainScore] {
        scores.filter { $0.person == person && $0.domain == domain }
    }

    /// The household's mean score per assessment day over every member and domain scored up to that day.
    public func householdMeans() -> [(day: Day, mean: Double)] {
        days.map { day in
            let current = ScoreHistory(scores.filter { $0.assessedOn <= day }).latest.values.flatMap(\.values)
            let total = current.reduce(0) { $0 + $1.score.rawValue }
            return (day, current.isEmpty ? 0 : Double(total) / Double(current.count))
        }
    }

    /// Domains in which a member's latest score is 1 or 2.
    public var domainsNeedingGoals: Set<String> {
        Set(latest.values.flatMap(\.values).filter(\.score.needsGoal).map(\.domain))
    }
}
