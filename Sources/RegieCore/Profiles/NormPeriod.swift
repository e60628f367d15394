/// A time norm as a network states it: "5 working days", "1 month", "24 hours".
public struct NormPeriod: Hashable, Sendable, Codable {
    public enum Unit: String, Sendable, Codable {
        case hours
        case workingDays = "working_days"
        case calendarDays = "calendar_days"
        case weeks
        case months
    }

    public let amount: Int
    public let unit: Unit

    public init(_ amount: Int, _ unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// The last day on which the norm is still met when the clock starts on `start`.
    ///
    /// Hour norms are rounded up to whole days here; the 24-hour crisis deadline is checked on timestamps.
    public func dueDay(from start: Day, calendar: WorkingDayCalendar) -> Day {
        switch unit {
        case .hours: return start.adding(days: (amount + 23) / 24)
        case .workingDays: return calendar.adding(workingDays: amount, to: start)
        case .calendarDays: return start.adding(days: amount)
        case .weeks: return start.adding(days: 7 * amount)
        case .months: return start.adding(months: amount)
        }
    }

    /// Dutch wording for screens, e.g. "5 werkdagen".
    public var dutch: String {
        switch unit {
        case .hours: return "\(amount) uur"
        case .workingDays: return amount == 1 ? "1 werkdag" : "\(amount) werkdagen"
        case .calendarDays: return amount == 1 ? "1 dag" : "\(amount) dagen"
        case .weeks: return amount == 1 ? "1 week" : "\(amount) weken"
        case .months: return amount == 1 ? "1 maand" : "\(amount) maanden"
        }
    }
}

extension NormPeriod {
    /// Reads a period as an administrator types it, in the words `dutch` shows: "5 werkdagen", "1 maand", "24 uur".
    public init?(dutch text: String) {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace)
        guard words.count == 2, let amount = Int(words[0]), (1...999).contains(amount) else { return nil }
        let units: [String: Unit] = [
            "uur": .hours, "uren": .hours, "werkdag": .workingDays, "werkdagen": .workingDays, "dag": .calendarDays,
            "dagen": .calendarDays, "week": .weeks, "weken": .weeks, "maand": .months, "maanden": .months,
        ]
        guard let unit = units[String(words[1])] else { return nil }
        self.init(amount, unit)
    }
}
