import RegieCore
import Testing

@Suite("OrderedMerge")
struct OrderedMergeTests {
    @Test("Two ordered lists merge into the order sorting them together gives; equal elements of the first come first")
    func merges() {
        let first = [1, 3, 3, 8, 9].map { ($0, "a") }
        let second = [0, 3, 4, 10].map { ($0, "b") }
        let merged = first.merged(with: second) { $0.0 < $1.0 }
        #expect(merged.map(\.0) == [0, 1, 3, 3, 3, 4, 8, 9, 10])
        #expect(merged.filter { $0.0 == 3 }.map(\.1) == ["a", "a", "b"])
        #expect([Int]().merged(with: [2, 1], by: >) == [2, 1])
        #expect([5, 4].merged(with: [], by: >) == [5, 4])
        #expect([9, 5, 1].merged(with: [7, 6, 0], by: >) == [9, 7, 6, 5, 1, 0], "any order, here newest first")
    }
}
