import NIOConcurrencyHelpers
import SQLKit

extension SQLRowDecoder.KeyDecodingStrategy {
    /// Reads `organisationName` from column `organisation_name`, as `convertFromSnakeCase` does, but on ASCII bytes.
    ///
    /// SQLKit's own conversion looks up Unicode properties for every character of every column of every row; on a
    /// case page that was a twentieth of the server's time. Column names here are ASCII, so a byte walk gives the
    /// same names: a capital starts a word after a small letter or digit, and the last capital of a run that a small
    /// letter follows starts one too (`myURLKey` → `my_url_key`).
    ///
    /// Each name is worked out once and remembered: the fields of Regie's rows are a few hundred names, and a page
    /// decodes some hundreds of columns, each of which built the same name again (three allocations apiece).
    static let snakeCase = SQLRowDecoder.KeyDecodingStrategy.custom { path in
        let field = path.last?.stringValue ?? ""
        if let known = columns.withLockedValue({ $0[field] }) { return SnakeCaseKey(column: known) }
        let column = snakeCased(field)
        columns.withLockedValue { known in
            // Bounded all the same, should some row ever be decoded under names made at run time.
            if known.count >= 4_096 { known.removeAll(keepingCapacity: true) }
            known[field] = column
        }
        return SnakeCaseKey(column: column)
    }

    /// The column names worked out so far, by field name.
    private static let columns = NIOLockedValueBox<[String: String]>([:])

    static func snakeCased(_ key: String) -> String {
        let bytes = Array(key.utf8)
        var column: [UInt8] = []
        column.reserveCapacity(bytes.count + 4)
        for (index, byte) in bytes.enumerated() {
            guard isCapital(byte) else {
                column.append(byte)
                continue
            }
            if index > 0 {
                let next = index + 1 < bytes.count ? bytes[index + 1] : nil
                if !isCapital(bytes[index - 1]) || next.map(isSmall) == true { column.append(UInt8(ascii: "_")) }
            }
            column.append(byte + 32)
        }
        return String(decoding: column, as: UTF8.self)
    }

    private static func isCapital(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    private static func isSmall(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
}

/// A column name handed back to SQLKit as a coding key.
private struct SnakeCaseKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(column: String) { stringValue = column }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
