import Testing

@testable import RegieCore

@Suite("Hex")
struct HexTests {
    @Test("Every byte is two lower-case digits, leading zero included")
    func digits() {
        #expect([UInt8]([0x00, 0x0f, 0xa5, 0xff, 0x10]).lowercaseHex == "000fa5ff10")
        #expect([UInt8]().lowercaseHex == "")
        #expect((0...255).map(UInt8.init).lowercaseHex.count == 512)
    }
}
