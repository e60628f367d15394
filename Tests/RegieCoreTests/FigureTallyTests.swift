import Foundation
import RegieCore
import Testing

/// Counting on from an earlier tally — the changed households' old shares out, their new ones in — must give the
/// figures counting afresh gives, whatever changed.
@Suite("Figures counted on after changes equal figures counted afresh")
struct FigureTallyTests {
    let library = try! ProfileLibrary.bundled()
    let calendar = WorkingDayCalendar()

    /// A deterministic source of choices (SplitMix64), so a failing case can be replayed from its seed.
    final class Dice: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        func roll(_ sides: Int) -> Int { Int(next() % UInt64(sides)) }
        func pick<T>(_ options: [T]) -> T { options[roll(options.count)] }
        func day() -> Day { Day(ordinal: ReportFixture.today.ordinal - roll(700)) }
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { roll(3) == 0 ? nil : value() }
    }

    /// A household with random history in one of two networks (one with norms, one without a profile).
    func randomFact(_ household: HouseholdID, _ networks: [NetworkID], _ dice: Dice) -> FigureFacts {
        let signals = (0..<dice.roll(3)).map { _ in
            FigureFacts.Signal(
                receivedOn: dice.day(), sourceKind: dice.pick(OrganisationKind.allCases),
                channel: dice.pick(["form", "phone", "email"]), neighbourhood: dice.pick(["Oost", "West", ""]),
                domains: Array(["wonen", "financien", "opvoeding"].prefix(dice.roll(4))))
        }
        return FigureFacts(
            household: household, network: dice.pick(networks), phase: dice.pick(CasePhase.allCases),
            signals: signals, decision: dice.maybe((dice.day(), dice.pick(["coordinate", "advice_only"]))),
            openedOn: dice.maybe(dice.day()), firstDirectorOn: dice.maybe(dice.day()),
            currentDirector: dice.maybe(dice.pick(["Carla", "Daan"])), firstAdoptedOn: dice.maybe(dice.day()),
            planComplete: nil, householdWords: false, informalNetwork: false,
            escalations: (0..<dice.roll(2)).map { _ in
                .init(
                    raisedOn: dice.day(), kind: dice.pick(EscalationKind.allCases), rung: 1 + dice.roll(3),
                    decided: dice.roll(2) == 0)
            },
            closures: (0..<dice.roll(2)).map { _ in
                .init(
                    closedOn: dice.day(), reason: dice.pick(ClosureReason.allCases), followUpRecorded: false,
                    aftercareAnswers: Array(AftercareAnswer.allCases.prefix(dice.roll(3))), checksDue: 0,
                    checksAnswered: 0, relapsed: dice.roll(2) == 0)
            },
            scores: dice.roll(2) == 0 ? [:] : ["wonen": (1 + dice.roll(5), 1 + dice.roll(5))],
            organisations: dice.roll(7), familyLevel: dice.maybe(1 + dice.roll(4)))
    }

    func expectSame(_ counted: NetworkFigures, _ afresh: NetworkFigures, seed: UInt64) {
        #expect(counted.breakdowns == afresh.breakdowns, "seed \(seed)")
        #expect(counted.leadTimes == afresh.leadTimes, "seed \(seed)")
        #expect(counted.scoreChanges == afresh.scoreChanges, "seed \(seed)")
        #expect(counted.relapse.closures == afresh.relapse.closures, "seed \(seed)")
        #expect(counted.relapse.relapsed == afresh.relapse.relapsed, "seed \(seed)")
        #expect(counted.relapse.households == afresh.relapse.households, "seed \(seed)")
    }

    @Test("Households changed, added and dropped in rounds: the running tally stays the fresh count", arguments: 1...20)
    func rounds(seed: Int) {
        let dice = Dice(seed: UInt64(seed))
        var shuffler = dice
        let networks = [NetworkID(), NetworkID()]
        let norms = library.profile(code: "enschede")
        func profile(_ network: NetworkID) -> WorkflowProfile? { network == networks[0] ? norms : nil }
        let period = ReportPeriod(from: Day("01-01-2026")!, to: Day("31-12-2026")!)
        var facts = Dictionary(
            uniqueKeysWithValues: (0..<40).map { HouseholdID(rawValue: "h\($0)") }.map {
                ($0, randomFact($0, networks, dice))
            })
        var tally = FigureTally(period: period, calendar: calendar, today: ReportFixture.today)
        for fact in facts.values { tally.add(fact, profile: profile(fact.network)) }
        for round in 0..<6 {
            let ordered = facts.keys.sorted { $0.rawValue < $1.rawValue }
            for household in ordered.shuffled(using: &shuffler).prefix(dice.roll(8)) {
                let old = facts[household]!
                tally.remove(old, profile: profile(old.network))
                if dice.roll(5) == 0 {
                    facts[household] = nil
                } else {
                    facts[household] = randomFact(household, networks, dice)
                    tally.add(facts[household]!, profile: profile(facts[household]!.network))
                }
            }
            let added = HouseholdID(rawValue: "new\(round)")
            facts[added] = randomFact(added, networks, dice)
            tally.add(facts[added]!, profile: profile(facts[added]!.network))
            let afresh = NetworkFigures(
                facts: Array(facts.values), period: period, profiles: profile, calendar: calendar,
                today: ReportFixture.today)
            expectSame(tally.figures, afresh, seed: UInt64(seed))
        }
    }

    @Test("Taking every household out leaves no cell, lead time, score change or relapse")
    func emptied() {
        let enschede = library.profile(code: "enschede")
        var tally = FigureTally(period: ReportFixture.period, calendar: calendar, today: ReportFixture.today)
        for fact in ReportFixture.facts { tally.add(fact, profile: enschede) }
        #expect(tally.figures.breakdown("open_phase")?.total == 3)
        for fact in ReportFixture.facts.reversed() { tally.remove(fact, profile: enschede) }
        let figures = tally.figures
        #expect(figures.breakdowns.allSatisfy { $0.cells.isEmpty })
        #expect(figures.breakdown("family_level") == nil, "levels show only where a household has one")
        #expect(figures.leadTimes.allSatisfy { $0.count == 0 && $0.median == nil && $0.households.isEmpty })
        #expect(figures.scoreChanges.isEmpty)
        #expect(figures.relapse.closures == 0 && figures.relapse.households.isEmpty)
    }
}
