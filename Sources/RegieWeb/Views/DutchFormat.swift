import Foundation
import RegieCore

/// Dates and times as Dutch professionals write them: dd-mm-jjjj and 24-hour clock, Amsterdam time.
enum DutchFormat {
    static func day(_ date: Date) -> String { Day(date).dutch }

    static func moment(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Day.netherlands
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%@ %02d:%02d", Day(date).dutch, parts.hour ?? 0, parts.minute ?? 0)
    }
}
