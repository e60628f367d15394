import Testing

@testable import RegieCore

@Suite("Working-day calendar with Dutch public holidays")
struct WorkingDayCalendarTests {
    let calendar = WorkingDayCalendar()

    func day(_ text: String) -> Day { Day(text)! }

    @Test(
        "Easter Sunday over several years",
        arguments: [
            (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"),
            (2030, "2030-04-21"), (2038, "2038-04-25"),
        ])
    func easter(year: Int, expected: String) {
        #expect(DutchPublicHolidays.easterSunday(year: year) == day(expected))
    }

    @Test("King's Day moves to Saturday when 27 April is a Sunday")
    func kingsDay() {
        #expect(DutchPublicHolidays.kingsDay(year: 2025) == day("2025-04-26"))
        #expect(DutchPublicHolidays.kingsDay(year: 2026) == day("2026-04-27"))
        #expect(DutchPublicHolidays.kingsDay(year: 2031) == day("2031-04-26"))
    }

    @Test("Holidays of 2026 that fall on weekdays are not working days")
    func holidays2026() {
        for text in [
            "2026-01-01", "2026-04-03", "2026-04-06", "2026-04-27", "2026-05-14", "2026-05-25",
            "2026-12-25",
        ] {
            #expect(!calendar.isWorkingDay(day(text)), "\(text) should be a holiday")
        }
        #expect(calendar.isWorkingDay(day("2026-05-05")), "Liberation Day 2026 is not a lustrum year")
        #expect(calendar.isWorkingDay(day("2026-11-23")))
        #expect(!calendar.isWorkingDay(day("2026-11-22")), "Sunday")
    }

    @Test("Liberation Day and Good Friday are configurable")
    func configurable() {
        #expect(!calendar.isWorkingDay(day("2025-05-05")), "2025 is a lustrum year")
        let everyYear = WorkingDayCalendar(holidays: DutchPublicHolidays(goodFriday: false, liberationDay: .everyYear))
        #expect(!everyYear.isWorkingDay(day("2026-05-05")))
        #expect(everyYear.isWorkingDay(day("2026-04-03")), "Good Friday off only when chosen")
        let never = WorkingDayCalendar(holidays: DutchPublicHolidays(liberationDay: .never))
        #expect(never.isWorkingDay(day("2025-05-05")))
    }

    @Test("Adding working days skips weekends and holidays")
    func adding() {
        // Friday + 5 working days = next Friday.
        #expect(calendar.adding(workingDays: 5, to: day("2026-11-20")) == day("2026-11-27"))
        // Thursday before Easter 2026: Good Friday and Easter Monday do not count.
        #expect(calendar.adding(workingDays: 2, to: day("2026-04-02")) == day("2026-04-08"))
        // Across Christmas and New Year 2026–2027: 25 Dec and 1 Jan fall on Fridays.
        #expect(calendar.adding(workingDays: 5, to: day("2026-12-23")) == day("2026-12-31"))
        #expect(calendar.adding(workingDays: 6, to: day("2026-12-23")) == day("2027-01-04"))
        // A signal received on a Sunday counts from Monday.
        #expect(calendar.adding(workingDays: 1, to: day("2026-11-22")) == day("2026-11-23"))
        #expect(calendar.adding(workingDays: 0, to: day("2026-11-22")) == day("2026-11-22"))
    }

    @Test("Counting working days between two days")
    func counting() {
        #expect(calendar.workingDays(from: day("2026-11-20"), to: day("2026-11-27")) == 5)
        #expect(calendar.workingDays(from: day("2026-12-23"), to: day("2027-01-04")) == 6)
        #expect(calendar.workingDays(from: day("2026-11-27"), to: day("2026-11-20")) == 0)
        for offset in 0..<40 {
            let start = day("2026-03-20").adding(days: offset)
            let due = calendar.adding(workingDays: 5, to: start)
            #expect(calendar.workingDays(from: start, to: due) == 5)
        }
    }

    @Test("Subtracting working days is the inverse of adding them")
    func subtracting() {
        #expect(calendar.subtracting(workingDays: 5, from: day("2026-11-27")) == day("2026-11-20"))
        #expect(calendar.subtracting(workingDays: 2, from: day("2026-04-08")) == day("2026-04-02"))
        #expect(calendar.subtracting(workingDays: 0, from: day("2026-11-22")) == day("2026-11-22"))
    }

    @Test("Years outside the precomputed range still work")
    func outsideRange() {
        #expect(!calendar.isWorkingDay(day("2150-12-25")))
    }
}
