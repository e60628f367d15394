/// Bytes as lower-case hexadecimal, the way hashes are stored and compared (session keys, API tokens, access sets).
///
/// `String(format: "%02x")` per byte built a Foundation string through CoreFoundation's formatter 32 times for each
/// session key's hash, which every request computes.
extension Sequence where Element == UInt8 {
    public var lowercaseHex: String {
        let digits = Array("0123456789abcdef".utf8)
        var characters: [UInt8] = []
        characters.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            characters.append(digits[Int(byte >> 4)])
            characters.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: characters, as: UTF8.self)
    }
}
