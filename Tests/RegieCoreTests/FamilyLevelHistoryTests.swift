import Foundation
import Testing

@testable import RegieCore

/// Amsterdam's family levels: up and down with history, who keeps the process in view per level, and what a new
/// level must say.
@Suite("Family levels: history up and down, responsible role per level, validation")
struct FamilyLevelHistoryTests {
    static let amsterdam = try! ProfileLibrary.bundled().profile(code: "amsterdam")!
    static let enschede = try! ProfileLibrary.bundled().profile(code: "enschede")!

    static func change(_ level: Int, at: Int64) -> FamilyLevelHistory.Change {
        .init(level: level, on: Day("01-03-2026")!, reason: "Maatregel", byName: "Ravi", recordedAt: at)
    }

    @Test("The latest recorded level is the level now; each change is first, up or down")
    func history() {
        let history = FamilyLevelHistory([Self.change(3, at: 2), Self.change(1, at: 1), Self.change(2, at: 3)])
        #expect(history.current?.level == 2)
        #expect(history.changes.map(\.level) == [1, 3, 2])
        #expect([0, 1, 2].map { history.direction(at: $0) } == [.first, .up, .down])
    }

    @Test("From MPG2 up the procesmanager keeps the process; moving across that line hands it over")
    func routing() {
        let profile = Self.amsterdam
        #expect(
            (0...4).map { FamilyLevelHistory.responsible(for: $0, in: profile) } == [
                .networkDirector, .networkDirector, .processManager, .processManager, .processManager,
            ])
        #expect(FamilyLevelHistory.handsOver(from: nil, to: 0, in: profile))
        #expect(!FamilyLevelHistory.handsOver(from: 0, to: 1, in: profile))
        #expect(FamilyLevelHistory.handsOver(from: 1, to: 3, in: profile))
        #expect(!FamilyLevelHistory.handsOver(from: 3, to: 4, in: profile))
        #expect(FamilyLevelHistory.handsOver(from: 2, to: 1, in: profile), "de-escalating hands it back")
    }

    @Test("A new level is one of the profile's, not the current one, with a reason and a day not in the future")
    func problems() {
        let today = Day("01-03-2026")!
        let history = FamilyLevelHistory([Self.change(2, at: 1)])
        #expect(history.problems(level: 3, reason: "OTS", on: today, today: today, profile: Self.amsterdam).isEmpty)
        #expect(
            history.problems(level: 2, reason: " ", on: today.adding(days: 1), today: today, profile: Self.amsterdam)
                == [
                    "familyLevel": "error.family_level_same", "familyLevelReason": "error.required",
                    "familyLevelOn": "error.date_future",
                ])
        #expect(
            history.problems(level: 7, reason: "x", on: nil, today: today, profile: Self.amsterdam) == [
                "familyLevel": "error.invalid_choice", "familyLevelOn": "error.date_invalid",
            ])
        #expect(
            FamilyLevelHistory([]).problems(level: 0, reason: "x", on: today, today: today, profile: Self.enschede)[
                "familyLevel"] == "error.invalid_choice", "Enschede has no levels")
    }
}
