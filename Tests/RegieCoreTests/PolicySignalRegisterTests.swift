import Testing

@testable import RegieCore

/// The register of policy signals: what a new signal must say, when it is still open, and the counts per category
/// and network for the municipality — counted by hand below.
@Suite("Policy-signal register: validation, open or answered, counts per category and network")
struct PolicySignalRegisterTests {
    static let (north, south) = (NetworkID(), NetworkID())

    static func signal(
        _ network: NetworkID, _ category: PolicySignal.Category, _ on: String, answer: PolicySignal.Answer? = nil
    ) -> PolicySignal {
        PolicySignal(
            id: on + category.rawValue, network: network, category: category, source: .register, household: nil,
            description: "Geen plek in de schuldhulp binnen acht weken", raisedByName: "Teun", raisedOn: Day(on)!,
            response: answer.map { .init(answer: $0, note: "", on: Day(on)!, byName: "Wethouder") })
    }

    static let signals = [
        signal(north, .waitingList, "02-02-2026"),
        signal(north, .waitingList, "03-03-2026", answer: .takenUp),
        signal(north, .rule, "04-04-2026", answer: .solved),
        signal(south, .waitingList, "05-05-2026", answer: .declined),
        signal(south, .gap, "06-06-2026"),
        signal(south, .gap, "31-12-2025"),
    ]

    let register = PolicySignalRegister(
        signals, period: ReportPeriod(from: Day("01-01-2026")!, to: Day("31-12-2026")!))

    @Test("Only signals raised in the period count, newest first")
    func period() {
        #expect(
            register.signals.map(\.raisedOn.dutch) == [
                "06-06-2026", "05-05-2026", "04-04-2026", "03-03-2026", "02-02-2026",
            ])
    }

    @Test("Counts per category and network: raised, and still open (no answer, or taken up)")
    func counts() {
        #expect(register.count(.waitingList, in: Self.north) == .init(raised: 2, open: 2))
        #expect(register.count(.waitingList, in: Self.south) == .init(raised: 1, open: 0))
        #expect(register.count(.rule, in: Self.north) == .init(raised: 1, open: 0))
        #expect(register.count(.gap) == .init(raised: 1, open: 1), "the 2025 gap is outside the period")
        #expect(register.count(nil) == .init(raised: 5, open: 3))
        #expect(register.count(.other) == .init(raised: 0, open: 0))
    }

    @Test("How the municipality answered")
    func answers() {
        #expect(register.answers == [nil: 2, .takenUp: 1, .solved: 1, .declined: 1])
    }

    @Test("A new signal needs a known category and a description of at least ten characters")
    func problems() {
        #expect(PolicySignal.problems(category: "waiting_list", description: "Wachtlijst GGZ 14 weken").isEmpty)
        #expect(
            PolicySignal.problems(category: "nonsense", description: "  kort  ") == [
                "category": "error.invalid_choice", "description": "error.policy_signal_description",
            ])
    }
}
