import Foundation

/// A calendar day without a time zone: the unit of every time norm ("within 5 working days").
///
/// Stored and exchanged as `yyyy-MM-dd`, shown to users as `dd-mm-jjjj`.
public struct Day: CheckedText, Comparable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a day, or `nil` when the combination does not exist (30 February).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `yyyy-MM-dd` (storage) or `dd-mm-jjjj` (what Dutch users type).
    public init?(_ text: String) {
        // Stored days never carry spaces; the figures parse hundreds of thousands of them, and trimming through
        // Foundation cost more than the parsing, so it is only done when there is something to trim.
        let padded = text.first?.isWhitespace == true || text.last?.isWhitespace == true
        let parts = (padded ? text.trimmingCharacters(in: .whitespaces) : text)
            .split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        if parts[0].count == 4 {
            self.init(year: a, month: b, day: c)
        } else if parts[2].count == 4 {
            self.init(year: c, month: b, day: a)
        } else {
            return nil
        }
    }

    /// The day on which `date` falls in the Netherlands (Europe/Amsterdam).
    public init(_ date: Date, timeZone: TimeZone = Day.netherlands) {
        let parts = Day.calendar(in: timeZone).dateComponents([.year, .month, .day], from: date)
        self.year = parts.year!
        self.month = parts.month!
        self.day = parts.day!
    }

    /// The moment `hour:minute` on this day in the Netherlands, for meetings planned by day and time.
    public func date(hour: Int, minute: Int, timeZone: TimeZone = Day.netherlands) -> Date {
        Day.calendar(in: timeZone).date(
            from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    /// The time zone in which Dutch networks count their days.
    public static let netherlands = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt

    /// The Gregorian calendar in the Netherlands, made once: a calendar per conversion was most of the cost of
    /// turning a million event moments into days.
    private static let dutchCalendar = gregorian(in: netherlands)

    private static func calendar(in timeZone: TimeZone) -> Calendar {
        timeZone == netherlands ? dutchCalendar : gregorian(in: timeZone)
    }

    private static func gregorian(in timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// ISO form used in storage and the API.
    public var iso: String { Self.digits(year, 4) + "-" + Self.digits(month, 2) + "-" + Self.digits(day, 2) }
    /// Dutch display form `dd-mm-jjjj`.
    public var dutch: String { Self.digits(day, 2) + "-" + Self.digits(month, 2) + "-" + Self.digits(year, 4) }

    /// `value` with leading zeros to `width`: both forms are made for every date on every page, and
    /// `String(format:)` cost more than the rest of a worklist row.
    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
    /// Storage form, as `CheckedText` exchanges it.
    public var text: String { iso }

    /// Days since 1970-01-01, which makes day arithmetic exact and time-zone free.
    public var ordinal: Int {
        // Algorithm from Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `ordinal` days after 1970-01-01.
    public init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (ordinal + 3) % 7  // 1970-01-01 was a Thursday (ISO 4)
        return (w < 0 ? w + 7 : w) + 1
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Adds calendar months, clamping to the last day of a shorter month (31 Jan + 1 month = 28/29 Feb).
    public func adding(months: Int) -> Day {
        let total = year * 12 + (month - 1) + months
        let y = total / 12
        let m = total % 12 + 1
        return Day(year: y, month: m, day: min(day, Day.daysIn(month: m, year: y)))!
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
