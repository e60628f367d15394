import NIOConcurrencyHelpers
import Testing

@testable import RegieWeb

/// A kept value is made once per key and given back as made, however often it is asked for.
@Suite("Kept values")
struct KeptValuesTests {
    @Test("Each key's value is made once and kept; another key gets its own")
    func madeOncePerKey() {
        let kept = KeptValues<String, String>()
        let made = NIOLockedValueBox([String]())
        let make = { (key: String) in
            { () -> String in
                made.withLockedValue { $0.append(key) }
                return "<tr>\(key)</tr>"
            }
        }
        #expect(kept.value("nl", make: make("nl")) == "<tr>nl</tr>")
        #expect(kept.value("nl", make: { "anders" }) == "<tr>nl</tr>", "a kept value is not made again")
        #expect(kept.value("en", make: make("en")) == "<tr>en</tr>")
        #expect(made.withLockedValue { $0 } == ["nl", "en"])
    }
}
