import Testing

@testable import RegieWeb

@Suite("Rows kept one by one")
struct RowCacheTests {
    @Test("A key seen before gives its row without rendering again; another key renders its own")
    func keeps() {
        let rows = RowCache<String>(generation: 4)
        var renders = 0
        let render = { (key: String) in
            rows.html(for: key) {
                renders += 1
                return "<li>\(key)</li>"
            }
        }
        #expect(render("a") == "<li>a</li>")
        #expect(render("a") == "<li>a</li>")
        #expect(render("b") == "<li>b</li>")
        #expect(renders == 2)
    }

    @Test("Two generations at most: a row in use is carried over, one unused for two generations goes")
    func generations() {
        let rows = RowCache<Int>(generation: 2)
        var renders: [Int] = []
        let render = { (key: Int) in
            _ = rows.html(for: key) {
                renders.append(key); return "\(key)"
            }
        }
        render(1)
        render(2)
        render(3)  // 1 and 2 become the previous generation
        render(1)  // carried over into the current one
        render(4)  // the current one (3, 1) full: 2 goes with the old previous generation
        render(2)
        render(1)
        #expect(renders == [1, 2, 3, 4, 2])
        #expect(rows.count <= 4)
    }
}
