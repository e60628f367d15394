/// The Dutch public holidays on which networks do not count working days.
///
/// Good Friday and Liberation Day are not general days off in every collective agreement, so a network
/// chooses; the defaults follow most municipal and care agreements (Good Friday off, Liberation Day off
/// only in lustrum years).
public struct DutchPublicHolidays: Sendable, Codable, Equatable {
    /// How a network treats Liberation Day (5 May).
    public enum LiberationDay: String, Sendable, Codable, CaseIterable {
        /// A day off every year.
        case everyYear = "every_year"
        /// A day off once every five years (2025, 2030, …), as most collective agreements have it.
        case lustrumOnly = "lustrum_only"
        /// Never a day off.
        case never
    }

    public var goodFriday: Bool
    public var liberationDay: LiberationDay

    public init(goodFriday: Bool = true, liberationDay: LiberationDay = .lustrumOnly) {
        self.goodFriday = goodFriday
        self.liberationDay = liberationDay
    }

    /// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    public static func easterSunday(year: Int) -> Day {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return Day(year: year, month: month, day: day)!
    }

    /// King's Day is 27 April, moved to Saturday 26 April when the 27th is a Sunday.
    public static func kingsDay(year: Int) -> Day {
        let day = Day(year: year, month: 4, day: 27)!
        return day.weekday == 7 ? day.adding(days: -1) : day
    }

    /// All holidays of `year` with their Dutch names, in date order.
    public func holidays(in year: Int) -> [(day: Day, name: String)] {
        let easter = Self.easterSunday(year: year)
        var list: [(Day, String)] = [
            (Day(year: year, month: 1, day: 1)!, "Nieuwjaarsdag"),
            (easter, "Eerste paasdag"),
            (easter.adding(days: 1), "Tweede paasdag"),
            (Self.kingsDay(year: year), "Koningsdag"),
            (easter.adding(days: 39), "Hemelvaartsdag"),
            (easter.adding(days: 49), "Eerste pinksterdag"),
            (easter.adding(days: 50), "Tweede pinksterdag"),
            (Day(year: year, month: 12, day: 25)!, "Eerste kerstdag"),
            (Day(year: year, month: 12, day: 26)!, "Tweede kerstdag"),
        ]
        if goodFriday { list.append((easter.adding(days: -2), "Goede Vrijdag")) }
        switch liberationDay {
        case .everyYear: list.append((Day(year: year, month: 5, day: 5)!, "Bevrijdingsdag"))
        case .lustrumOnly where year % 5 == 0: list.append((Day(year: year, month: 5, day: 5)!, "Bevrijdingsdag"))
        default: break
        }
        return list.sorted { $0.0 < $1.0 }.map { (day: $0.0, name: $0.1) }
    }
}
