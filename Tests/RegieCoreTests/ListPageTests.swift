import RegieCore
import Testing

@Suite("List page")
struct ListPageTests {
    @Test("Pages count from 1, the last page holds the rest, and unreadable or far pages are mended")
    func pages() {
        let first = ListPage(asked: nil, total: 250, size: 100)
        #expect(first.number == 1 && first.count == 3 && first.range == 0..<100 && first.previous == nil)
        #expect(first.next == 2)
        let last = ListPage(asked: "3", total: 250, size: 100)
        #expect(last.range == 200..<250 && last.next == nil && last.previous == 2)
        #expect(ListPage(asked: "99", total: 250, size: 100).number == 3)
        #expect(ListPage(asked: "-2", total: 250, size: 100).number == 1)
        #expect(ListPage(asked: "twee", total: 250, size: 100).number == 1)
        let empty = ListPage(asked: "2", total: 0, size: 100)
        #expect(empty.count == 1 && empty.range == 0..<0)
    }
}
