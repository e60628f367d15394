import RegieCore
import Testing

@Suite("Text limit: a free text holds at most 10,000 characters")
struct TextLimitTests {
    @Test("The limit itself is allowed, one more is not; characters count as the user sees them")
    func boundary() {
        #expect(TextLimit.allows(String(repeating: "a", count: 10_000)))
        #expect(!TextLimit.allows(String(repeating: "a", count: 10_001)))
        #expect(TextLimit.allows(String(repeating: "é", count: 10_000)), "é is one character, not two bytes")
    }
}
