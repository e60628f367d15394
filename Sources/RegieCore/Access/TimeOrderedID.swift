import Foundation

/// Identifiers that sort by the moment they were made (UUID version 7, RFC 9562): 48 bits of Unix milliseconds,
/// then random bits. The access log gains dozens of entries on every list page; with random identifiers each one
/// landed on another page of the primary-key index, so a read of the worklist rewrote scattered index pages. With
/// time-ordered ones new entries are appended at the end of the index.
public enum TimeOrderedID {
    /// A new identifier for `moment`, in the lower-case 8-4-4-4-12 form the other identifiers use.
    public static func make(at moment: Date = Date()) -> String {
        let millis = UInt64(max(0, (moment.timeIntervalSince1970 * 1000).rounded(.down)))
        let random = [UInt64.random(in: .min ... .max), UInt64.random(in: .min ... .max)]
        var bytes = (0..<6).map { UInt8(truncatingIfNeeded: millis >> (8 * (5 - $0))) }
        bytes += (0..<10).map { UInt8(truncatingIfNeeded: random[$0 / 8] >> (8 * ($0 % 8))) }
        bytes[6] = 0x70 | (bytes[6] & 0x0F)  // version 7
        bytes[8] = 0x80 | (bytes[8] & 0x3F)  // RFC 9562 variant
        let digits = Array("0123456789abcdef")
        var text = ""
        for (index, byte) in bytes.enumerated() {
            if [4, 6, 8, 10].contains(index) { text.append("-") }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }
}
