import Foundation
import Testing

@testable import RegieCore

@Suite("Day")
struct DayTests {
    @Test("Parses storage and Dutch forms and refuses impossible dates")
    func parsing() {
        #expect(Day("2026-02-28") == Day(year: 2026, month: 2, day: 28))
        #expect(Day("28-02-2026") == Day(year: 2026, month: 2, day: 28))
        #expect(Day("2026-02-30") == nil)
        #expect(Day("29-02-2025") == nil)
        #expect(Day("29-02-2024") != nil)
        #expect(Day("28/02/2026") == nil)
        #expect(Day("") == nil)
        #expect(Day(" 28-02-2026 ") == Day(year: 2026, month: 2, day: 28))
        #expect(Day("\t2026-02-28") == Day(year: 2026, month: 2, day: 28))
        #expect(Day("2026-02-28")!.dutch == "28-02-2026")
    }

    @Test("Both written forms pad day, month and year with zeros")
    func padding() {
        let early = Day(year: 987, month: 3, day: 5)!
        #expect(early.iso == "0987-03-05")
        #expect(early.dutch == "05-03-0987")
        #expect(Day(year: 2026, month: 12, day: 31)!.iso == "2026-12-31")
        #expect(Day(year: 2026, month: 12, day: 31)!.dutch == "31-12-2026")
    }

    @Test("A moment falls on its day in the Netherlands, or in the time zone asked for")
    func moments() throws {
        let lateEvening = Date(timeIntervalSince1970: 1_795_906_800)  // 2026-11-28 23:00 UTC
        #expect(Day(lateEvening) == Day(year: 2026, month: 11, day: 29))
        #expect(
            Day(lateEvening, timeZone: try #require(TimeZone(identifier: "UTC"))) == Day(year: 2026, month: 11, day: 28)
        )
        let day = try #require(Day(year: 2026, month: 11, day: 29))
        #expect(Day(day.date(hour: 0, minute: 30)) == day)
        #expect(day.date(hour: 0, minute: 30) == lateEvening.addingTimeInterval(30 * 60))
    }

    @Test("Ordinals round-trip and weekdays are right")
    func ordinals() {
        #expect(Day(year: 1970, month: 1, day: 1)!.ordinal == 0)
        #expect(Day(year: 2026, month: 11, day: 23)!.weekday == 1)
        #expect(Day(year: 2026, month: 11, day: 22)!.weekday == 7)
        for offset in stride(from: -800_000, to: 800_000, by: 7919) {
            #expect(Day(ordinal: offset).ordinal == offset)
        }
    }

    @Test("Adding months clamps to the end of the month")
    func months() {
        #expect(Day("2026-01-31")!.adding(months: 1) == Day("2026-02-28"))
        #expect(Day("2024-01-31")!.adding(months: 1) == Day("2024-02-29"))
        #expect(Day("2026-11-23")!.adding(months: 12) == Day("2027-11-23"))
    }

    @Test("A moment falls on the Amsterdam day")
    func timeZone() {
        // 23:30 UTC on 23 November is already 24 November in Amsterdam (UTC+1).
        let moment = Date(timeIntervalSince1970: 1_795_476_600)
        #expect(Day(moment) == Day("2026-11-24"))
    }
}
