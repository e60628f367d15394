import SQLiteNIO

/// Reads the column types nearly every row holds — text, whole numbers, yes/no, and their optionals — straight from
/// SQLite's value, giving what `SQLiteDataDecoder` would give.
///
/// The decoder asks the runtime, for every column of every row, whether the wanted type converts directly (a
/// protocol cast), and for an optional builds a nested decoder object first: reading the signed-in user's rows for the
/// session took some 35 µs of each page's CPU that way (`perf`, mixed load, forty-second session). Here the wanted
/// type is compared with a few known ones (a pointer comparison each). A value of another storage class than the
/// type expects (a number where text is wanted, a 2 where a yes/no is) is left to the decoder, so its conversions
/// and its errors stay what they were.
enum SQLiteCommonValues {
    /// `value` as `D`, or `nil` when `D` is not one of the types read here or the value needs the decoder.
    static func read<D>(_ value: SQLiteData, as type: D.Type) -> D? {
        switch value {
        case .text(let text):
            if type == String.self { return unsafeBitCast(text, to: D.self) }
            if type == String?.self { return unsafeBitCast(String?.some(text), to: D.self) }
        case .integer(let number):
            if type == Int64.self { return unsafeBitCast(Int64(number), to: D.self) }
            if type == Int.self { return unsafeBitCast(Int(number), to: D.self) }
            if type == Int64?.self { return unsafeBitCast(Int64?.some(Int64(number)), to: D.self) }
            if type == Int?.self { return unsafeBitCast(Int?.some(Int(number)), to: D.self) }
            if number == 0 || number == 1 {
                if type == Bool.self { return unsafeBitCast(number == 1, to: D.self) }
                if type == Bool?.self { return unsafeBitCast(Bool?.some(number == 1), to: D.self) }
            }
        case .null:
            if type == String?.self { return unsafeBitCast(String?.none, to: D.self) }
            if type == Int64?.self { return unsafeBitCast(Int64?.none, to: D.self) }
            if type == Int?.self { return unsafeBitCast(Int?.none, to: D.self) }
            if type == Bool?.self { return unsafeBitCast(Bool?.none, to: D.self) }
        case .float, .blob:
            break
        }
        return nil
    }
}
