import Testing

@testable import RegieWeb

@Suite("Fragment cache")
struct FragmentCacheTests {
    /// Counts renderings, so a test can tell a kept text from a new one.
    final class Renderer: @unchecked Sendable {
        var count = 0
        func render(_ text: String) -> String {
            count += 1
            return text
        }
    }

    @Test("A key seen before gets the text rendered then; another key is rendered anew")
    func kept() {
        let cache = FragmentCache<String>(capacity: 4, byteBudget: 1_000)
        let renderer = Renderer()
        #expect(cache.html(for: "a") { renderer.render("<li>a</li>") } == "<li>a</li>")
        #expect(cache.html(for: "a") { renderer.render("changed") } == "<li>a</li>")
        #expect(cache.html(for: "b") { renderer.render("<li>b</li>") } == "<li>b</li>")
        #expect(renderer.count == 2)
    }

    @Test("Beyond its capacity the least recently used text goes first")
    func capacity() {
        let cache = FragmentCache<Int>(capacity: 2, byteBudget: 1_000)
        let renderer = Renderer()
        _ = cache.html(for: 1) { renderer.render("one") }
        _ = cache.html(for: 2) { renderer.render("two") }
        _ = cache.html(for: 1) { renderer.render("one") }
        _ = cache.html(for: 3) { renderer.render("three") }
        #expect(cache.count == 2)
        _ = cache.html(for: 1) { renderer.render("one") }
        #expect(renderer.count == 3, "1 was used after 2, so 2 went")
        _ = cache.html(for: 2) { renderer.render("two") }
        #expect(renderer.count == 4)
    }

    @Test("The texts together stay within the byte budget; a text larger than it is returned but not kept")
    func budget() {
        let cache = FragmentCache<Int>(capacity: 10, byteBudget: 10)
        let renderer = Renderer()
        #expect(cache.html(for: 1) { renderer.render(String(repeating: "x", count: 11)) }.count == 11)
        #expect(cache.count == 0)
        _ = cache.html(for: 2) { renderer.render("123456") }
        _ = cache.html(for: 3) { renderer.render("é1234") }
        #expect(cache.count == 1, "6 + 6 bytes exceed 10: the older went")
        _ = cache.html(for: 3) { renderer.render("é1234") }
        #expect(renderer.count == 3)
    }
}
