import SQLiteKit
import SQLiteNIO
import Testing

@testable import RegieStore

@Suite("SQLite's common values read without the decoder")
struct SQLiteCommonValuesTests {
    static let values: [SQLiteData] = [
        .text("Jansen"), .text(""), .text("12"), .integer(0), .integer(1), .integer(2), .integer(-7),
        .integer(Int.max), .null, .float(1.5),
    ]

    /// What the decoder gives for `value` as `D`, or `nil` where it throws.
    private func decoded<D: Decodable>(_ value: SQLiteData, as type: D.Type) -> D? {
        try? SQLiteDataDecoder().decode(D.self, from: value)
    }

    /// Read directly or left to the decoder: either way the row gives what the decoder alone gave.
    private func same<D: Decodable & Equatable>(_ type: D.Type) {
        for value in Self.values {
            guard let read = SQLiteCommonValues.read(value, as: D.self) else { continue }
            #expect(read == decoded(value, as: D.self), "\(value) as \(D.self)")
        }
    }

    @Test("Every value read directly is what SQLiteDataDecoder decodes")
    func agreesWithTheDecoder() {
        same(String.self)
        same(String?.self)
        same(Int64.self)
        same(Int64?.self)
        same(Int.self)
        same(Int?.self)
        same(Bool.self)
        same(Bool?.self)
    }

    @Test("Text, numbers, yes/no and NULL for optionals are read directly")
    func readsTheCommonCases() {
        #expect(SQLiteCommonValues.read(.text("Jansen"), as: String.self) == "Jansen")
        #expect(SQLiteCommonValues.read(.text("Jansen"), as: String?.self) == .some("Jansen"))
        #expect(SQLiteCommonValues.read(.integer(-7), as: Int64.self) == -7)
        #expect(SQLiteCommonValues.read(.integer(42), as: Int.self) == 42)
        #expect(SQLiteCommonValues.read(.integer(42), as: Int?.self) == .some(42))
        #expect(SQLiteCommonValues.read(.integer(1), as: Bool.self) == true)
        #expect(SQLiteCommonValues.read(.integer(0), as: Bool?.self) == .some(false))
        #expect(SQLiteCommonValues.read(.null, as: String?.self) == .some(nil))
        #expect(SQLiteCommonValues.read(.null, as: Int64?.self) == .some(nil))
        #expect(SQLiteCommonValues.read(.null, as: Bool?.self) == .some(nil))
    }

    @Test("Other types and mismatched values are left to the decoder, with its conversions and errors")
    func leavesTheRest() throws {
        #expect(SQLiteCommonValues.read(.text("12"), as: Int.self) == nil)
        #expect(SQLiteCommonValues.read(.integer(12), as: String.self) == nil)
        #expect(SQLiteCommonValues.read(.integer(2), as: Bool.self) == nil)
        #expect(SQLiteCommonValues.read(.null, as: String.self) == nil)
        #expect(SQLiteCommonValues.read(.float(1.5), as: Double.self) == nil)
        #expect(SQLiteCommonValues.read(.integer(3), as: Int32.self) == nil)
        #expect(throws: (any Error).self) { try SQLiteDataDecoder().decode(String.self, from: .null) }
    }
}
