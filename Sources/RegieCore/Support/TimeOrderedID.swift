import Foundation

/// Identifiers that sort by the moment they were made (UUID version 7, RFC 9562): 48 bits of Unix milliseconds,
/// then random bits. Every new record gets one. With random identifiers each new row landed on another page of every
/// index that holds its id (its own primary key, and the household id in the indexes of timeline, signals, members
/// and access log), so each write rewrote scattered index pages: an intake at region scale wrote some 120 kB to
/// SQLite's log. With time-ordered ones new rows are appended at the end of those indexes.
public enum TimeOrderedID {
    /// A new identifier for `moment`, in the lower-case 8-4-4-4-12 form the other identifiers use. The 12 bits after
    /// the version hold the fraction of the millisecond (RFC 9562, 6.2 method 3) and the last 62 bits are random: one
    /// draw from the system's generator (a system call on Linux) instead of two, for the hundred entries of a list.
    public static func make(at moment: Date = Date()) -> String {
        let micros = max(0, moment.timeIntervalSince1970 * 1_000_000).rounded(.down)
        let millis = UInt64(micros / 1000)
        let fraction = UInt64((micros - Double(millis) * 1000) * 4.096) & 0x0FFF
        let random = UInt64.random(in: .min ... .max)
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: millis >> (8 * (5 - index))) }
        bytes[6] = 0x70 | UInt8(fraction >> 8)  // version 7
        bytes[7] = UInt8(truncatingIfNeeded: fraction)
        for index in 8..<16 { bytes[index] = UInt8(truncatingIfNeeded: random >> (8 * (15 - index))) }
        bytes[8] = 0x80 | (bytes[8] & 0x3F)  // RFC 9562 variant
        let hex = Array(bytes.lowercaseHex.utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, digit) in hex.enumerated() {
            if [8, 12, 16, 20].contains(index) { text.append(UInt8(ascii: "-")) }
            text.append(digit)
        }
        return String(decoding: text, as: UTF8.self)
    }
}
