/// A policy signal (beleidssignaal, seed-000 Ch.1 L72–L79, requirement 62): something seen in the work that the
/// network cannot solve case by case — a gap in provision, a blocking rule, a waiting list, another external cause —
/// raised from a case, from a structural escalation decision or straight in the register, for the municipality.
/// The municipality's answer is recorded against it; its state follows from the latest answer.
public struct PolicySignal: Sendable, Hashable {
    /// What kind of obstacle the signal is about.
    public enum Category: String, Sendable, CaseIterable, Codable {
        /// A gap in provision: help that is needed but does not exist (hiaat in het aanbod).
        case gap
        /// A rule, procedure or working method that blocks help (belemmerende regel).
        case rule
        /// Help exists but is not available in time (wachtlijst).
        case waitingList = "waiting_list"
        /// Another external cause: institutions, regulations or methods outside the network.
        case other

        public var textKey: String { "policy_signal.category.\(rawValue)" }
    }

    /// Where the signal was raised.
    public enum Source: String, Sendable, CaseIterable, Codable {
        /// A structural solution decided on an escalation.
        case escalation
        /// Raised by a director from a case.
        case caseWork = "case"
        /// Raised straight in the register (e.g. from a network meeting).
        case register
    }

    /// The municipality's answer.
    public enum Answer: String, Sendable, CaseIterable, Codable {
        /// Taken up: the municipality works on it.
        case takenUp = "taken_up"
        /// Solved: the obstacle is gone.
        case solved
        /// Not taken up, with a reason.
        case declined

        public var textKey: String { "policy_signal.answer.\(rawValue)" }
    }

    /// The latest recorded answer.
    public struct Response: Sendable, Hashable {
        public let answer: Answer
        public let note: String
        public let on: Day
        public let byName: String

        public init(answer: Answer, note: String, on: Day, byName: String) {
            self.answer = answer
            self.note = note
            self.on = on
            self.byName = byName
        }
    }

    public let id: String
    public let network: NetworkID
    public let category: Category
    public let source: Source
    /// The household the signal came from, for those allowed to open it; `nil` when raised in the register or
    /// after the file was purged.
    public let household: HouseholdID?
    /// What was seen, without names (blank once the file it came from was purged).
    public let description: String
    public let raisedByName: String
    public let raisedOn: Day
    public let response: Response?

    public init(
        id: String, network: NetworkID, category: Category, source: Source, household: HouseholdID?,
        description: String, raisedByName: String, raisedOn: Day, response: Response?
    ) {
        self.id = id
        self.network = network
        self.category = category
        self.source = source
        self.household = household
        self.description = description
        self.raisedByName = raisedByName
        self.raisedOn = raisedOn
        self.response = response
    }

    /// Whether the signal still waits for the municipality: no answer yet, or taken up but not solved.
    public var isOpen: Bool { response?.answer != .solved && response?.answer != .declined }

    /// The field problems of a new signal: a category and a description of at least a few words.
    public static func problems(category: String, description: String) -> [String: String] {
        var problems: [String: String] = [:]
        if Category(rawValue: category) == nil { problems["category"] = "error.invalid_choice" }
        if description.trimmed.count < 10 { problems["description"] = "error.policy_signal_description" }
        return problems
    }
}
